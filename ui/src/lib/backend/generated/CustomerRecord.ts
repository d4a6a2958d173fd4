// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Gender } from "./Gender";
import type { Nick } from "./Nick";

/**
 * A customer as a screen shows it. For a service rep `phones` are masked (138****8000) and
 * the street address is hidden; `contacts_masked` says so, and [`super::reveal_contact`] shows
 * one customer's real ones (audited).
 */
export type CustomerRecord = { id: number, name: string, gender: Gender, 
/**
 * `1990-05-01`, or `05-01` when the year is unknown.
 */
birthday: string | null, phones: Array<string>, email: string | null, wechatId: string | null, qq: string | null, nicks: Array<Nick>, province: string | null, city: string | null, address: string | null, sourceChannel: string | null, tags: Array<string>, notes: string, createdAt: string, updatedAt: string, 
/**
 * In the recycle bin since.
 */
deletedAt: string | null, 
/**
 * Merged into this customer (the record is then hidden).
 */
mergedInto: number | null, erasedAt: string | null, contactsMasked: boolean, };
