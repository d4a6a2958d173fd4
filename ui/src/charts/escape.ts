// Chart text is text. ECharts renders tooltips as HTML (innerHTML), so a customer or product
// named `<img src=x onerror=…>` would run as markup if a formatter pasted it in. The rule: a
// formatter that returns HTML builds it with the `html` tag below, which escapes every
// interpolated value; only fragments made by `html` itself (or `marker`) pass through unescaped.
// Canvas labels are drawn as text already; their formatters are plain functions (never
// "{b}" string templates, which would substitute and rich-parse names).

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** `s` with the five HTML-special characters replaced by entities. */
export function escapeHtml(s: unknown): string {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** HTML made by `html` (safe to embed as is). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

/** Tagged template: the literal parts are trusted markup, every `${value}` is escaped (arrays are
 *  joined; SafeHtml passes through). Returns a string ECharts can take from a formatter. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): string {
  return htmlSafe(strings, ...values).value;
}

export function htmlSafe(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  values.forEach((v, i) => {
    out += piece(v) + strings[i + 1];
  });
  return new SafeHtml(out);
}

function piece(v: unknown): string {
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(piece).join("");
  return escapeHtml(v);
}

/** The coloured dot ECharts puts before a series in a tooltip (the colour is checked, not pasted). */
export function marker(color: unknown): SafeHtml {
  const c = typeof color === "string" && /^#[0-9a-fA-F]{3,8}$|^rgba?\([\d\s.,%]+\)$/.test(color) ? color : "#999";
  return new SafeHtml(`<span style="display:inline-block;margin-right:6px;border-radius:50%;width:8px;height:8px;background:${c}"></span>`);
}

/** A tooltip: an escaped title, then one "● name   value" row per entry. */
export function tooltipRows(title: string, rows: { name: string; value: string; color?: string }[]): string {
  return html`<div class="chart-tip"><div style="font-weight:600;margin-bottom:4px">${title}</div>${rows.map(
    (r) =>
      htmlSafe`<div style="display:flex;justify-content:space-between;gap:16px"><span>${r.color ? marker(r.color) : ""}${r.name}</span><b style="font-variant-numeric:tabular-nums">${r.value}</b></div>`,
  )}</div>`;
}
