// Customers (src-tauri/src/commands/customers.rs): the list (page first, then the totals row),
// one customer's record and the work around it (create/edit, 360 page, reveal, duplicates,
// merge + undo, recycle bin, consent, erasure, per-person export); see docs/IPC.md. The types
// are generated (./generated).
import { call } from "./transport";
import { MERGE_FIELDS } from "./types";
import type { ConsentChange, ConsentChannel, CustomerFilter, MergeChoices, MergeField, NewCustomer } from "./types";

/** Platform names a nick can belong to (labels: i18n `cust.platform.*`). */
export const NICK_PLATFORMS = ["taobao", "tmall", "jd", "pdd", "wechat_shop", "douyin", "other"] as const;

export const CONSENT_CHANNELS: ConsentChannel[] = ["sms", "phone", "wechat", "email"];
/** Where a consent came from (labels: i18n `cust.consentSource.*`). */
export const CONSENT_SOURCES = ["in_store_form", "phone_call", "wechat_message", "online_form", "other"] as const;

/** A name from `MergePreview.differing` as one of the generated MERGE_FIELDS (the core only
 *  sends those). */
export const isMergeField = (f: string): f is MergeField => (MERGE_FIELDS as readonly string[]).includes(f);

export const customersCreate = (customer: NewCustomer) => call("customers_create", { customer });
export const customersGet = (id: number) => call("customers_get", { id });
export const customersUpdate = (id: number, customer: NewCustomer) => call("customers_update", { id, customer });
export const customersProfile = (id: number) => call("customers_profile", { id });
export const customersOrders = (id: number, page: number) => call("customers_orders", { id, page });
/** Full phones and address of one customer; audited for every role. */
export const customersReveal = (id: number) => call("customers_reveal", { id });
export const customersDelete = (id: number) => call("customers_delete", { id });
export const customersRestore = (id: number) => call("customers_restore", { id });
export const customersRecycleBin = () => call("customers_recycle_bin");
export const customersDuplicates = () => call("customers_duplicates");
export const customersDismissDuplicate = (a: number, b: number) => call("customers_dismiss_duplicate", { a, b });
export const customersMergePreview = (a: number, b: number) => call("customers_merge_preview", { a, b });
export const customersMerge = (keep: number, other: number, choices: MergeChoices) =>
  call("customers_merge", { keep, other, choices });
export const customersUnmerge = (mergeId: number) => call("customers_unmerge", { mergeId });
export const customersMerges = () => call("customers_merges");
export const customersConsentRecord = (id: number, changes: ConsentChange[], source: string) =>
  call("customers_consent_record", { id, changes, source });
export const customersConsentWithdraw = (id: number) => call("customers_consent_withdraw", { id });
export const customersConsentHistory = (id: number) => call("customers_consent_history", { id });
export const customersErase = (id: number) => call("customers_erase", { id });
/** Writes the person's xlsx into `folder` (owner only, audited). */
export const customersExportPerson = (id: number, folder: string) => call("customers_export_person", { id, folder });

/** One page of customers for a filter, sort and page, with the totals row. */
export const customersList = (query: CustomerFilter) => call("customers_list", { query });
/** The list's page: appears at once; `hasMore` says whether another page exists. */
export const customersPage = (query: CustomerFilter) => call("customers_page", { query });
/** The list's totals row (count and spend over every match), which follows the page. */
export const customersTotals = (query: CustomerFilter) => call("customers_totals", { query });
