// The transition table of a movement: rows = class (stage) at the first month's end, columns = at
// the second's, each cell the customers who moved so. Pure, tested (test/insightCharts.test.ts).

export interface MovementMatrix {
  rows: (string | null)[];
  cols: (string | null)[];
  cell: (from: string | null, to: string | null) => number;
  rowTotal: (from: string | null) => number;
  colTotal: (to: string | null) => number;
  total: number;
}

/** Rows and columns in `order` (then any unknown code, then null = none) — only those with customers. */
export function movementMatrix(cells: { from: string | null; to: string | null; customers: number }[], order: readonly string[]): MovementMatrix {
  const key = (from: string | null, to: string | null) => `${from ?? ""}→${to ?? ""}`;
  const counts = new Map<string, number>();
  const rowT = new Map<string | null, number>();
  const colT = new Map<string | null, number>();
  let total = 0;
  for (const c of cells) {
    if (c.customers <= 0) continue;
    counts.set(key(c.from, c.to), (counts.get(key(c.from, c.to)) ?? 0) + c.customers);
    rowT.set(c.from, (rowT.get(c.from) ?? 0) + c.customers);
    colT.set(c.to, (colT.get(c.to) ?? 0) + c.customers);
    total += c.customers;
  }
  const rank = (code: string | null) => (code === null ? order.length + 1 : order.includes(code) ? order.indexOf(code) : order.length);
  const sorted = (keys: Iterable<string | null>) => [...keys].sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
  return {
    rows: sorted(rowT.keys()),
    cols: sorted(colT.keys()),
    cell: (from, to) => counts.get(key(from, to)) ?? 0,
    rowTotal: (from) => rowT.get(from) ?? 0,
    colTotal: (to) => colT.get(to) ?? 0,
    total,
  };
}
