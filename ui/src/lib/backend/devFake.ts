// DEVELOPMENT ONLY: an in-memory stand-in for the core, used when the UI runs in a plain
// browser (`npm run dev` without Tauri) so screens can be built and screenshotted.
// It is loaded only behind `import.meta.env.DEV` and is absent from production builds.
// Start state via the URL: ?fake=fresh (default) | login | locked | owner | manager | rep | demo
import { fakeDesk } from "./devFakeTickets";
import type { AppStatus, CustomerRow, Lang, Role, SearchResults, SessionInfo, Settings, StoreKind, User } from "./types";

interface FakeStore {
  users: (User & { password: string })[];
  customers: CustomerRow[];
  settings: Settings;
}

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高";
const GIVEN = ["秀英", "伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "桂英", "晓燕", "子涵", "欣怡", "浩然"];
const PLACES: [string, string][] = [
  ["浙江", "杭州"], ["广东", "深圳"], ["上海", "上海"], ["北京", "北京"], ["江苏", "苏州"],
  ["四川", "成都"], ["湖北", "武汉"], ["福建", "厦门"], ["山东", "青岛"], ["陕西", "西安"],
];
const CHANNELS = ["淘宝", "京东", "拼多多", "微信", "抖店"];
const TAGS = ["回头客", "高价值", "爱砍价", "送礼", "学生", "宝妈", "敏感肌", "大码"];

// mulberry32: small, deterministic, good enough for sample rows
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeCustomers(n: number, seed: number): CustomerRow[] {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const start = Date.UTC(2023, 0, 1);
  return Array.from({ length: n }, (_, i) => {
    const [province, city] = pick(PLACES);
    const tags = TAGS.filter(() => r() < 0.18).slice(0, 3);
    const phone = `1${pick(["38", "39", "58", "86", "77"])}${String(Math.floor(r() * 1e8)).padStart(8, "0")}`;
    return {
      id: i + 1,
      name: pick(SURNAMES.split("")) + pick(GIVEN),
      gender: r() < 0.62 ? "female" : r() < 0.9 ? "male" : "unknown",
      phone: r() < 0.9 ? phone : null,
      province: r() < 0.95 ? province : null,
      city: r() < 0.95 ? city : null,
      wechatId: r() < 0.55 ? `wx_${Math.floor(r() * 1e6).toString(36)}` : null,
      tags,
      sourceChannel: pick(CHANNELS),
      birthday: null,
      ordersCount: 0,
      spendFen: 0,
      firstOrderAt: null,
      lastOrderAt: null,
      topCategory: null,
      createdAt: new Date(start + Math.floor(r() * 900) * 86400000 + Math.floor(r() * 86400000)).toISOString(),
    } satisfies CustomerRow;
  });
}

function user(id: number, username: string, displayName: string, role: Role, password: string): User & { password: string } {
  return { id, username, displayName, role, password, disabled: false, createdAt: "2024-03-01T02:00:00Z", lastLoginAt: id === 1 ? "2025-01-10T01:30:00Z" : null };
}

const stores: Record<StoreKind, FakeStore | null> = { main: null, demo: null };
let active: StoreKind = "main";
let language: Lang = "zh-CN";
let session: SessionInfo | null = null;
let locked = false;

function seedMain(): FakeStore {
  return {
    users: [user(1, "owner", "王小美", "owner", "password123"), user(2, "lina", "李娜", "manager", "password123"), user(3, "kefu1", "小周", "rep", "password123")],
    customers: makeCustomers(137, 7),
    settings: { shopName: "小美的茶叶铺", timezone: "Asia/Shanghai", idleLockMinutes: 10 },
  };
}

function seedDemo(): FakeStore {
  return {
    users: [user(1, "demo", "演示店主", "owner", "laoke-demo")],
    customers: makeCustomers(2000, 42),
    settings: { shopName: "演示店铺 · 山野茶舍", timezone: "Asia/Shanghai", idleLockMinutes: 0 },
  };
}

function login(u: User, store: StoreKind): SessionInfo {
  session = { userId: u.id, username: u.username, displayName: u.displayName, role: u.role, store };
  locked = false;
  return session;
}

(function applyScenario() {
  const scenario = new URLSearchParams(window.location.search).get("fake") ?? "fresh";
  if (scenario === "fresh") return;
  stores.main = seedMain();
  stores.demo = seedDemo();
  const byRole: Record<string, number> = { owner: 0, manager: 1, rep: 2 };
  if (scenario === "demo") {
    active = "demo";
    login(stores.demo.users[0], "demo");
  } else if (scenario in byRole || scenario === "locked") {
    login(stores.main.users[byRole[scenario] ?? 0], "main");
    locked = scenario === "locked";
  }
  if (scenario === "empty") {
    stores.main.customers = [];
    login(stores.main.users[0], "main");
  }
  const lang = new URLSearchParams(window.location.search).get("lang");
  if (lang === "en") language = "en";
})();

const zh = () => language === "zh-CN";
function fail(code: string, zhMsg: string, enMsg: string): never {
  throw { code, message: zh() ? zhMsg : enMsg };
}

function status(): AppStatus {
  return {
    dataDir: active === "main" ? "/home/shop/.local/share/laoke/main" : "/home/shop/.local/share/laoke/demo",
    storeExists: stores.main !== null,
    demoExists: stores.demo !== null,
    activeStore: active,
    language,
    idleLockMinutes: stores[active]?.settings.idleLockMinutes ?? 0,
    session,
    locked,
  };
}

function store(): FakeStore {
  const s = stores[active];
  if (!s) fail("store_missing", "还没有创建店铺。", "No store yet.");
  return s;
}

function needSession(): SessionInfo {
  if (!session) fail("not_logged_in", "请先登录。", "Please log in.");
  if (locked) fail("locked", "已锁定。", "Locked.");
  return session;
}

function needOwner(): void {
  if (needSession().role !== "owner") fail("forbidden", "只有店主可以这样做。", "Only the owner can do this.");
}

function publicUser(u: User & { password: string }): User {
  const { password: _omit, ...rest } = u;
  void _omit;
  return rest;
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

type A = Record<string, unknown>;

export async function fakeInvoke(cmd: string, a: A): Promise<unknown> {
  await delay(cmd === "demo_open" && !stores.demo ? 900 : 80);
  switch (cmd) {
    case "app_status":
      return status();
    case "app_set_language":
      language = a.language as Lang;
      return status();
    case "store_select":
      if (session) fail("forbidden", "请先退出登录。", "Log out first.");
      active = a.store as StoreKind;
      return status();
    case "store_init": {
      if (stores.main) fail("store_exists", "店铺已经存在。", "The store already exists.");
      const owner = user(1, String(a.username), String(a.displayName), "owner", String(a.password));
      stores.main = { users: [owner], customers: [], settings: { shopName: zh() ? "我的店铺" : "My store", timezone: "Asia/Shanghai", idleLockMinutes: 10 } };
      active = "main";
      return { recoveryKey: "LK7Q-9XWD-H3MT-2RVB-YC8N-P4KF", session: login(owner, "main") };
    }
    case "demo_open":
      stores.demo ??= seedDemo();
      active = "demo";
      return { session: login(stores.demo.users[0], "demo"), username: "demo", password: "laoke-demo" };
    case "auth_login": {
      const u = store().users.find((x) => x.username === a.username);
      if (!u) fail("unknown_user", "没有这个用户名。", "There is no such user.");
      if (u.disabled) fail("user_disabled", "该用户已被停用。", "This user is disabled.");
      if (u.password !== a.password) fail("wrong_password", "用户名或密码不正确。", "Wrong username or password.");
      u.lastLoginAt = new Date().toISOString();
      return login(u, active);
    }
    case "auth_recover": {
      if (String(a.recoveryKey).replace(/[\s-]/g, "").toUpperCase() !== "LK7Q9XWDH3MT2RVBYC8NP4KF")
        fail("bad_recovery_key", "恢复密钥不正确。", "The recovery key is not correct.");
      const u = store().users.find((x) => x.username === a.username);
      if (!u) fail("unknown_user", "没有这个用户名。", "There is no such user.");
      u.password = String(a.newPassword);
      return login(u, active);
    }
    case "auth_logout":
      session = null;
      locked = false;
      return null;
    case "auth_lock":
      needSession();
      locked = true;
      return null;
    case "auth_unlock": {
      if (!session) fail("not_logged_in", "请先登录。", "Please log in.");
      const u = store().users.find((x) => x.id === session?.userId);
      if (u?.password !== a.password) fail("wrong_password", "密码不正确。", "Wrong password.");
      locked = false;
      return session;
    }
    case "auth_change_password": {
      const s = needSession();
      const u = store().users.find((x) => x.id === s.userId);
      if (!u || u.password !== a.oldPassword) fail("wrong_password", "当前密码不正确。", "The current password is wrong.");
      u.password = String(a.newPassword);
      return null;
    }
    case "users_list":
      needOwner();
      return store().users.map(publicUser);
    case "users_add": {
      needOwner();
      const s = store();
      if (s.users.some((x) => x.username === a.username)) fail("conflict", "用户名已被使用。", "That username is taken.");
      const u = user(s.users.length + 1, String(a.username), String(a.displayName), a.role as Role, String(a.password));
      s.users.push(u);
      return publicUser(u);
    }
    case "users_set_disabled": {
      needOwner();
      const u = store().users.find((x) => x.id === a.userId);
      if (!u) fail("not_found", "找不到该用户。", "User not found.");
      u.disabled = Boolean(a.disabled);
      return publicUser(u);
    }
    case "users_reset_password": {
      needOwner();
      const u = store().users.find((x) => x.id === a.userId);
      if (!u) fail("not_found", "找不到该用户。", "User not found.");
      u.password = String(a.newPassword);
      return null;
    }
    case "customers_list": {
      const s = needSession();
      const query = (a.query ?? {}) as { page?: number; pageSize?: number; search?: string };
      const q = typeof query.search === "string" ? query.search.trim() : "";
      let rows = store().customers;
      if (q) rows = rows.filter((c) => c.name.includes(q) || (c.phone ?? "").includes(q) || (c.wechatId ?? "").includes(q));
      rows = [...rows].sort((x, y) => y.createdAt.localeCompare(x.createdAt));
      const page = Number(query.page) || 1;
      const pageSize = Number(query.pageSize) || 20;
      const slice = rows.slice((page - 1) * pageSize, page * pageSize).map((c) =>
        s.role === "rep" && c.phone ? { ...c, phone: `${c.phone.slice(0, 3)}****${c.phone.slice(7)}` } : c,
      );
      return { rows: slice, total: rows.length, totalSpendFen: 0, page, pageSize };
    }
    case "customers_page": {
      const p = (await fakeInvoke("customers_list", a)) as { rows: unknown[]; total: number; page: number; pageSize: number };
      return { rows: p.rows, page: p.page, pageSize: p.pageSize, hasMore: p.page * p.pageSize < p.total };
    }
    case "customers_totals": {
      const p = (await fakeInvoke("customers_list", a)) as { total: number; totalSpendFen: number };
      return { total: p.total, totalSpendFen: p.totalSpendFen };
    }
    case "search": {
      const s = needSession();
      const q = String(a.query ?? "").trim().toLowerCase();
      const out: SearchResults = { query: q, customers: [], orders: [] };
      if (!q) return out;
      const digits = /^[\d\s+-]+$/.test(q) ? q.replace(/\D/g, "") : null;
      for (const c of store().customers) {
        const phone = c.phone ?? "";
        const byName = c.name.toLowerCase().includes(q);
        const byPhone = digits !== null && digits.length > 0 && phone.includes(digits);
        if (!byName && !byPhone) continue;
        const shown = s.role === "rep" && phone ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone || null;
        const text = byName ? c.name : (shown ?? "");
        const base = byName ? c.name.toLowerCase() : phone;
        const needle = byName ? q : (digits ?? q);
        const kind = base === needle ? "exact" : base.startsWith(needle) ? "prefix" : "contains";
        out.customers.push({
          id: c.id, name: c.name, phone: shown, province: c.province, city: c.city, ordersCount: 0, spendFen: 0, lastOrderAt: null,
          matched: { field: byName ? "name" : "phone", kind, text },
        });
      }
      const rank = { exact: 0, prefix: 1, contains: 2 } as const;
      out.customers.sort((x, y) => rank[x.matched.kind] - rank[y.matched.kind]);
      out.customers = out.customers.slice(0, 20);
      if (digits) out.query = digits;
      return out;
    }
    case "settings_get":
      needSession();
      return store().settings;
    case "settings_update": {
      needOwner();
      const st = store();
      st.settings = { ...st.settings, ...(a as Partial<Settings>) };
      return st.settings;
    }
    case "store_info": {
      needSession();
      const st = store();
      return {
        dataDir: status().dataDir,
        schemaVersion: 1,
        counts: [
          { table: "customers", rows: st.customers.length },
          { table: "users", rows: st.users.length },
          { table: "settings", rows: 3 },
        ],
      };
    }
    default: {
      // The service desk (tickets, Today, hours & holidays): devFakeTickets.ts.
      const desk = fakeDesk(cmd, a, { session: needSession(), users: store().users, customers: store().customers, zh: zh(), fail });
      if (desk !== undefined) return desk;
      fail("internal", `未知命令：${cmd}`, `Unknown command: ${cmd}`);
    }
  }
}
