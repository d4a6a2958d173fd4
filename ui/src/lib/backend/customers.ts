// Customers (src-tauri/src/commands/customers.rs): the list (page first, then the totals row),
// one customer's record and the work around it (create/edit, 360 page, reveal, duplicates,
// merge + undo, recycle bin, consent, erasure, per-person export); see docs/IPC.md.
import { call } from "./transport";
import type { CustomerPage, CustomerRow, Gender, RowsPage } from "./types";

export interface Nick {
  platform: string;
  nick: string;
}

/** Platform names a nick can belong to (labels: i18n `cust.platform.*`). */
export const NICK_PLATFORMS = ["taobao", "tmall", "jd", "pdd", "wechat_shop", "douyin", "other"] as const;

export interface CustomerRecord {
  id: number;
  name: string;
  gender: Gender;
  /** `1990-05-01`, or `05-01` when the year is unknown. */
  birthday: string | null;
  /** Masked (138****8000) for service reps. */
  phones: string[];
  email: string | null;
  wechatId: string | null;
  qq: string | null;
  nicks: Nick[];
  province: string | null;
  city: string | null;
  /** Partly hidden for service reps. */
  address: string | null;
  sourceChannel: string | null;
  tags: string[];
  notes: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  mergedInto: number | null;
  erasedAt: string | null;
  contactsMasked: boolean;
}

/** What the form sends: phones, nicks and tags are the whole new lists. */
export interface CustomerInput {
  name: string;
  gender: Gender;
  birthday: string | null;
  phones: string[];
  email: string | null;
  wechatId: string | null;
  qq: string | null;
  /** [platform, nick] */
  nicks: [string, string][];
  province: string | null;
  city: string | null;
  address: string | null;
  sourceChannel: string | null;
  tags: string[];
  notes: string;
}

export interface CategorySpend {
  category: string;
  spendFen: number;
}

export interface CustomerSummary {
  totalSpendFen: number;
  ordersCount: number;
  averageOrderFen: number;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  favouriteCategories: CategorySpend[];
}

export interface TimelineOrder {
  id: number;
  channel: string;
  orderNo: string;
  status: string;
  orderedAt: string;
  paidAt: string | null;
  paidFen: number;
  refundedFen: number;
  products: string;
  itemCount: number;
}

export interface TimelinePage {
  rows: TimelineOrder[];
  page: number;
  pageSize: number;
  totals: { count: number; paidFen: number; refundedFen: number };
}

export type ConsentChannel = "sms" | "phone" | "wechat" | "email";
export const CONSENT_CHANNELS: ConsentChannel[] = ["sms", "phone", "wechat", "email"];
/** Where a consent came from (labels: i18n `cust.consentSource.*`). */
export const CONSENT_SOURCES = ["in_store_form", "phone_call", "wechat_message", "online_form", "other"] as const;

export interface ConsentState {
  channel: ConsentChannel;
  /** null = never asked. */
  granted: boolean | null;
  at: string | null;
  source: string | null;
}

export interface ConsentEvent {
  channel: ConsentChannel;
  granted: boolean;
  source: string;
  recordedBy: string;
  at: string;
}

export interface MergeRecord {
  id: number;
  keptId: number;
  mergedId: number;
  keptName: string;
  mergedName: string;
  mergedBy: string;
  mergedAt: string;
  undoneAt: string | null;
  /** Set while the merge can still be undone. */
  undoUntil: string | null;
}

export interface Abilities {
  edit: boolean;
  reveal: boolean;
  erase: boolean;
  merge: boolean;
  export: boolean;
}

export interface CustomerProfile {
  customer: CustomerRecord;
  stats: CustomerSummary;
  orders: TimelinePage;
  consent: ConsentState[];
  merges: MergeRecord[];
  can: Abilities;
}

export interface Contact {
  customerId: number;
  phones: string[];
  address: string | null;
}

export interface BinEntry {
  id: number;
  name: string;
  city: string | null;
  ordersCount: number;
  deletedAt: string;
  purgeAt: string;
}

export type DuplicateReason = "phone" | "email" | "nick" | "wechatId" | "nameAddress" | "nameCity";

export interface DuplicateSide {
  id: number;
  name: string;
  phone: string | null;
  city: string | null;
  ordersCount: number;
  createdAt: string;
}

export interface DuplicatePair {
  a: DuplicateSide;
  b: DuplicateSide;
  reasons: DuplicateReason[];
}

/** Fields a merge chooses between, in display order. */
export const MERGE_FIELDS = [
  "name",
  "gender",
  "birthday",
  "email",
  "wechatId",
  "qq",
  "province",
  "city",
  "address",
  "sourceChannel",
  "notes",
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export interface MergePreview {
  keep: CustomerRecord;
  other: CustomerRecord;
  keepOrders: number;
  otherOrders: number;
  differing: MergeField[];
}

export interface MergeChoices {
  takeFromOther: MergeField[];
  combineNotes: boolean;
}

export interface MergeOutcome {
  mergeId: number;
  keptId: number;
  mergedId: number;
  movedOrders: number;
}

export interface PersonExport {
  path: string;
  bytes: number;
}

export const customersCreate = (customer: CustomerInput) => call<number>("customers_create", { customer });
export const customersGet = (id: number) => call<CustomerRecord>("customers_get", { id });
export const customersUpdate = (id: number, customer: CustomerInput) =>
  call<CustomerRecord>("customers_update", { id, customer });
export const customersProfile = (id: number) => call<CustomerProfile>("customers_profile", { id });
export const customersOrders = (id: number, page: number) => call<TimelinePage>("customers_orders", { id, page });
/** Full phones and address of one customer; audited for every role. */
export const customersReveal = (id: number) => call<Contact>("customers_reveal", { id });
export const customersDelete = (id: number) => call<null>("customers_delete", { id });
export const customersRestore = (id: number) => call<null>("customers_restore", { id });
export const customersRecycleBin = () => call<BinEntry[]>("customers_recycle_bin");
export const customersDuplicates = () => call<DuplicatePair[]>("customers_duplicates");
export const customersDismissDuplicate = (a: number, b: number) =>
  call<null>("customers_dismiss_duplicate", { a, b });
export const customersMergePreview = (a: number, b: number) =>
  call<MergePreview>("customers_merge_preview", { a, b });
export const customersMerge = (keep: number, other: number, choices: MergeChoices) =>
  call<MergeOutcome>("customers_merge", { keep, other, choices });
export const customersUnmerge = (mergeId: number) => call<MergeOutcome>("customers_unmerge", { mergeId });
export const customersMerges = () => call<MergeRecord[]>("customers_merges");
export const customersConsentRecord = (
  id: number,
  changes: { channel: ConsentChannel; granted: boolean }[],
  source: string,
) => call<ConsentState[]>("customers_consent_record", { id, changes, source });
export const customersConsentWithdraw = (id: number) => call<ConsentState[]>("customers_consent_withdraw", { id });
export const customersConsentHistory = (id: number) => call<ConsentEvent[]>("customers_consent_history", { id });
export const customersErase = (id: number) => call<null>("customers_erase", { id });
/** Writes the person's xlsx into `folder` (owner only, audited). */
export const customersExportPerson = (id: number, folder: string) =>
  call<PersonExport>("customers_export_person", { id, folder });

export interface CustomerQuery {
  page: number;
  pageSize: number;
  search?: string;
  tags?: string[];
  province?: string;
  city?: string;
  sourceChannel?: string;
  minSpendFen?: number;
  maxSpendFen?: number;
  minOrders?: number;
  maxOrders?: number;
  lastOrderFrom?: string;
  lastOrderTo?: string;
  birthdayMonth?: number;
  createdFrom?: string;
  createdTo?: string;
  sort?: string;
  desc?: boolean;
}

export interface CustomerTotals {
  total: number;
  totalSpendFen: number;
}

/** One page of customers for a filter, sort and page, with the totals row. */
export const customersList = (query: CustomerQuery) => call<CustomerPage>("customers_list", { query });
/** The list's page: appears at once; `hasMore` says whether another page exists. */
export const customersPage = (query: CustomerQuery) => call<RowsPage<CustomerRow>>("customers_page", { query });
/** The list's totals row (count and spend over every match), which follows the page. */
export const customersTotals = (query: CustomerQuery) => call<CustomerTotals>("customers_totals", { query });
