// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Gender } from "./Gender";

/**
 * A customer to create.
 */
export type NewCustomer = { name: string, gender: Gender, birthday?: string | null, phones: Array<string>, email?: string | null, wechatId?: string | null, qq?: string | null, 
/**
 * (platform, nick), e.g. ("taobao", "小王爱购物").
 */
nicks: Array<[string, string]>, province?: string | null, city?: string | null, address?: string | null, sourceChannel?: string | null, tags: Array<string>, notes: string, };
