// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Gender } from "./Gender";

export type CustomerRow = { id: number, name: string, gender: Gender, 
/**
 * Masked for service reps.
 */
phone: string | null, city: string | null, province: string | null, wechatId: string | null, tags: Array<string>, sourceChannel: string | null, birthday: string | null, ordersCount: number, spendFen: number, firstOrderAt: string | null, lastOrderAt: string | null, topCategory: string | null, createdAt: string, };
