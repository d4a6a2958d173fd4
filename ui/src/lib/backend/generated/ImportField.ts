// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type ImportField = "orderNo" | "channel" | "status" | "afterSale" | "orderedAt" | "paidAt" | "goodsAmount" | "shipping" | "discount" | "paid" | "refunded" | "productName" | "sku" | "category" | "quantity" | "unitPrice" | "receiverName" | "buyerNick" | "mobile" | "phone" | "province" | "city" | "district" | "address" | "note" | "name" | "gender" | "birthday" | "email" | "wechat" | "qq" | "tags" | "source";
