// Types of the IPC contract (docs/IPC.md). Keep in step with the core.

export type Role = "owner" | "manager" | "rep";
export type StoreKind = "main" | "demo";
export type Lang = "zh-CN" | "en";

export interface SessionInfo {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  store: StoreKind;
}

export interface AppStatus {
  dataDir: string;
  storeExists: boolean;
  demoExists: boolean;
  activeStore: StoreKind;
  language: Lang;
  idleLockMinutes: number;
  session: SessionInfo | null;
  locked: boolean;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export type Gender = "male" | "female" | "unknown";

export interface CustomerRow {
  id: number;
  name: string;
  gender: Gender;
  phone: string | null;
  city: string | null;
  province: string | null;
  wechatId: string | null;
  tags: string[];
  sourceChannel: string | null;
  birthday: string | null;
  ordersCount: number;
  spendFen: number;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  topCategory: string | null;
  createdAt: string;
}

/** A customer page plus the totals for everyone matching the filter. */
export interface CustomerPage extends Page<CustomerRow> {
  totalSpendFen: number;
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Settings {
  shopName: string;
  timezone: string;
  idleLockMinutes: number;
}

export interface StoreInfo {
  dataDir: string;
  schemaVersion: number;
  counts: { table: string; rows: number }[];
}

export interface StoreInitResult {
  recoveryKey: string;
  session: SessionInfo;
}

export interface DemoOpenResult {
  session: SessionInfo;
  username: string;
  password: string;
}

export const ERROR_CODES = [
  "wrong_password",
  "unknown_user",
  "user_disabled",
  "bad_recovery_key",
  "store_missing",
  "store_exists",
  "store_too_new",
  "not_logged_in",
  "locked",
  "forbidden",
  "invalid_input",
  "conflict",
  "not_found",
  "io",
  "database",
  "internal",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface BackupTarget {
  id: number;
  path: string;
  label: string;
  addedAt: string;
  lastOkAt: string | null;
  /** Error code of the last failed attempt (cleared by the next success). */
  lastError: string | null;
  lastErrorAt: string | null;
  /** The target is inside a cloud sync folder (fine for backups). */
  syncFolder: string | null;
}

export interface BackupRecord {
  id: number;
  targetId: number | null;
  path: string;
  size: number;
  createdAt: string;
  verifiedAt: string | null;
  createdBy: string;
}

export interface BackupTargetStatus {
  target: BackupTarget;
  lastVerified: BackupRecord | null;
  /** No verified backup here for `staleAfterDays` days. */
  stale: boolean;
}

export interface BackupStatus {
  targets: BackupTargetStatus[];
  /** The sync client whose folder holds the live data folder (it should be moved out). */
  dataDirSyncFolder: string | null;
  staleAfterDays: number;
}

export interface BackupDone {
  targetId: number;
  targetPath: string;
  path: string | null;
  size: number | null;
  /** Why this target failed, already translated. */
  error: string | null;
}

export interface BackupListing {
  path: string;
  fileName: string;
  size: number;
  createdAt: string | null;
  appVersion: string | null;
  schemaVersion: number | null;
  createdBy: string | null;
  storeId: string | null;
  counts: Record<string, number>;
  conflictCopy: boolean;
  problem: string | null;
  problemCode: string | null;
  /** When this store wrote and verified the file (null: not known as verified here). */
  verifiedAt: string | null;
}

export interface BackupSummary {
  createdAt: string;
  createdBy: string;
  appVersion: string;
  counts: Record<string, number>;
}

/** `store_restore_backup`: the store restored on a new computer, logged in. */
export interface RestoredStore {
  session: SessionInfo;
  backup: BackupSummary;
}

export interface RestoreDone {
  session: SessionInfo;
  backup: BackupSummary;
  /** The copy of the data that was replaced. */
  safetyBackup: string;
}

// ---- Backup progress, preview, data folder move, full export (issue 6) ----

export type BackupPhase = "snapshot" | "encrypt" | "verify";

/** `backup-progress` event: bytes of work done of the whole job for one target. */
export interface BackupProgressEvent {
  targetId: number;
  targetPath: string;
  /** 0-based position of this target in the run, and the run's number of targets. */
  index: number;
  count: number;
  phase: BackupPhase;
  done: number;
  total: number;
  automatic: boolean;
}

/** `backup-finished` event. */
export interface BackupFinishedEvent {
  automatic: boolean;
  results: BackupDone[];
}

/** `backup_preview`: what a fully checked backup holds; null counts = that table does not exist. */
export interface BackupPreview {
  createdAt: string;
  createdBy: string;
  appVersion: string;
  schemaVersion: number;
  customers: number;
  orders: number | null;
  tickets: number | null;
  pointsBalance: number | null;
  users: number;
  counts: Record<string, number>;
}

/** `data_dir_move`. */
export interface MoveReport {
  dataDir: string;
  oldRemoved: boolean;
  oldDir: string;
}

/** `export_full`. */
export interface ExportDone {
  path: string;
  bytes: number;
  sheets: number;
  rows: number;
}

/** `search`: what matched in one result (a phone is masked for reps). */
export interface SearchMatch {
  field: "name" | "email" | "wechat" | "phone" | "nick" | "orderNo";
  kind: "exact" | "prefix" | "contains";
  text: string;
}

export interface SearchCustomerHit {
  id: number;
  name: string;
  /** First phone; masked 138****8000 for reps. */
  phone: string | null;
  province: string | null;
  city: string | null;
  ordersCount: number;
  spendFen: number;
  lastOrderAt: string | null;
  matched: SearchMatch;
}

export interface SearchOrderHit {
  id: number;
  orderNo: string;
  channel: string;
  status: string;
  orderedAt: string;
  paidFen: number;
  customerId: number | null;
  customerName: string | null;
  matched: SearchMatch;
}

export interface SearchResults {
  /** The query as matched: trimmed, lower-case, phone input as digits. */
  query: string;
  customers: SearchCustomerHit[];
  orders: SearchOrderHit[];
}

// ---- Import (批量导入) — docs/IPC.md "Import" ----

export type ImportKind = "orders" | "customers";
export type ImportField =
  | "orderNo" | "channel" | "status" | "orderedAt" | "paidAt" | "goodsAmount" | "shipping" | "discount"
  | "paid" | "refunded" | "productName" | "sku" | "category" | "quantity" | "unitPrice" | "receiverName"
  | "buyerNick" | "mobile" | "phone" | "province" | "city" | "district" | "address" | "note"
  | "name" | "gender" | "birthday" | "email" | "wechat" | "qq" | "tags" | "source";

export interface ImportMapping {
  kind: ImportKind;
  /** Channel for every order when no column says (orders only), e.g. "taobao". */
  channel: string | null;
  /** field → column header as in the file */
  columns: Partial<Record<ImportField, string>>;
}

export interface ImportPreset {
  id: string;
  labelZh: string;
  labelEn: string;
  kind: ImportKind;
  channel: string | null;
}

export interface ImportFieldInfo {
  field: ImportField;
  labelZh: string;
  labelEn: string;
  required: boolean;
}

export interface ImportInspection {
  fileName: string;
  format: "csv" | "xlsx" | "xls";
  encoding: "utf8" | "utf8-bom" | "utf16" | "gb18030" | null;
  headers: string[];
  headerRow: number;
  sample: string[][];
  preset: ImportPreset | null;
  mapping: ImportMapping;
  mappingSource: "preset" | "remembered" | "guessed" | "given";
  presets: ImportPreset[];
  orderFields: ImportFieldInfo[];
  customerFields: ImportFieldInfo[];
}

export interface ImportProblem {
  row: number;
  column: string | null;
  messageZh: string;
  messageEn: string;
}

export interface ImportSummary {
  batchId: number | null;
  dryRun: boolean;
  cancelled: boolean;
  fileName: string;
  format: "csv" | "xlsx" | "xls";
  encoding: string | null;
  preset: string;
  kind: ImportKind;
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  customersCreated: number;
  customersUpdated: number;
  maskedPhones: number;
  problemsTotal: number;
  problems: ImportProblem[];
}

export interface ImportProgress {
  /** of `total` units (bytes for CSV, rows for workbooks) */
  done: number;
  total: number;
  rows: number;
}

export interface ImportBatch {
  id: number;
  kind: ImportKind;
  fileName: string;
  preset: string;
  createdBy: string;
  createdAt: string;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  undoneAt: string | null;
  undoneBy: string | null;
}

export interface ImportUndoReport {
  batchId: number;
  ordersRemoved: number;
  ordersRestored: number;
  customersRemoved: number;
  customersRestored: number;
  phonesAndNicksRemoved: number;
}

/** One page of list rows; `hasMore` says whether another page exists (before the totals arrive). */
export interface RowsPage<T> {
  rows: T[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

/** What the pager counts while the totals are still on their way: the pages seen so far. */
export const knownCount = (p: RowsPage<unknown>) => (p.page - 1) * p.pageSize + p.rows.length + (p.hasMore ? 1 : 0);
