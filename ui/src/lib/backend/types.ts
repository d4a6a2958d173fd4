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
  createdAt: string;
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
