// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type Channel = "taobao" | "tmall" | "jd" | "pdd" | "wechat_shop" | "douyin" | "in_store" | "other";
