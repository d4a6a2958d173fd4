// The customer list's score filters in the URL — what the Insight screen's numbers, a segment and
// a movement cell link to: #/customers?rfmClass=a,b&stage=c&returning=1&segment=KEY&movement=…
// Pure: links are built and read here only, so a link and the list it opens never disagree.
import { RFM_CLASSES, STAGES, type CustomerFilter, type MovementCell, type MoveKind, type RfmClass, type Stage } from "../../lib/backend";

export interface ScoreParams {
  rfmClasses: RfmClass[];
  stages: Stage[];
  returning?: boolean;
  segment?: string;
  movement?: MovementCell;
}

export const NO_SCORE_PARAMS: ScoreParams = { rfmClasses: [], stages: [] };

const isClass = (s: string): s is RfmClass => (RFM_CLASSES as readonly string[]).includes(s);
const isStage = (s: string): s is Stage => (STAGES as readonly string[]).includes(s);
const MONTH = /^\d{4}-\d{2}$/;

/** "kind:fromMonth:from:toMonth:to", an empty code for "none" (no class / not yet a buyer). */
export function encodeMovement(m: MovementCell): string {
  return [m.kind, m.fromMonth, m.from ?? "", m.toMonth, m.to ?? ""].join(":");
}

export function decodeMovement(s: string): MovementCell | undefined {
  const parts = s.split(":");
  if (parts.length !== 5) return undefined;
  const [kind, fromMonth, from, toMonth, to] = parts;
  if (kind !== "class" && kind !== "stage") return undefined;
  if (!MONTH.test(fromMonth) || !MONTH.test(toMonth)) return undefined;
  const valid = (c: string) => c === "" || (kind === "class" ? isClass(c) : isStage(c));
  if (!valid(from) || !valid(to)) return undefined;
  return { kind: kind as MoveKind, fromMonth, from: from || null, toMonth, to: to || null };
}

const list = (v: string | null) => (v ? v.split(",").filter(Boolean) : []);

/** The score filters a URL asks for (unknown codes are dropped, never sent). */
export function scoreParamsFrom(params: URLSearchParams): ScoreParams {
  const out: ScoreParams = { rfmClasses: list(params.get("rfmClass")).filter(isClass), stages: list(params.get("stage")).filter(isStage) };
  const returning = params.get("returning");
  if (returning === "1" || returning === "0") out.returning = returning === "1";
  const segment = params.get("segment");
  if (segment && /^(ready|saved):[\w-]+$/.test(segment)) out.segment = segment;
  const movement = params.get("movement");
  const m = movement ? decodeMovement(movement) : undefined;
  if (m) out.movement = m;
  return out;
}

/** The URL search string for these filters ("" when none). */
export function scoreSearch(p: Partial<ScoreParams>): string {
  const q = new URLSearchParams();
  if (p.rfmClasses?.length) q.set("rfmClass", p.rfmClasses.join(","));
  if (p.stages?.length) q.set("stage", p.stages.join(","));
  if (p.returning !== undefined) q.set("returning", p.returning ? "1" : "0");
  if (p.segment) q.set("segment", p.segment);
  if (p.movement) q.set("movement", encodeMovement(p.movement));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The customer list of exactly these customers. */
export const customersHref = (p: Partial<ScoreParams>) => `/customers${scoreSearch(p)}`;

/** The fields these filters add to the list's query. */
export function scoreQuery(p: ScoreParams): Partial<CustomerFilter> {
  const q: Partial<CustomerFilter> = {};
  if (p.rfmClasses.length) q.rfmClasses = p.rfmClasses;
  if (p.stages.length) q.stages = p.stages;
  if (p.returning !== undefined) q.returning = p.returning;
  if (p.segment) q.segment = p.segment;
  if (p.movement) q.movement = p.movement;
  return q;
}

export const hasScoreParams = (p: ScoreParams) => p.rfmClasses.length > 0 || p.stages.length > 0 || p.returning !== undefined || !!p.segment || !!p.movement;

/** One removable chip per filter value. */
export type ScoreChip =
  | { kind: "rfmClass"; code: RfmClass }
  | { kind: "stage"; code: Stage }
  | { kind: "returning"; value: boolean }
  | { kind: "segment"; key: string }
  | { kind: "movement"; movement: MovementCell };

export function scoreChips(p: ScoreParams): ScoreChip[] {
  return [
    ...p.rfmClasses.map((code) => ({ kind: "rfmClass" as const, code })),
    ...p.stages.map((code) => ({ kind: "stage" as const, code })),
    ...(p.returning !== undefined ? [{ kind: "returning" as const, value: p.returning }] : []),
    ...(p.segment ? [{ kind: "segment" as const, key: p.segment }] : []),
    ...(p.movement ? [{ kind: "movement" as const, movement: p.movement }] : []),
  ];
}

/** The filters without one chip. */
export function withoutChip(p: ScoreParams, chip: ScoreChip): ScoreParams {
  switch (chip.kind) {
    case "rfmClass":
      return { ...p, rfmClasses: p.rfmClasses.filter((c) => c !== chip.code) };
    case "stage":
      return { ...p, stages: p.stages.filter((c) => c !== chip.code) };
    case "returning":
      return { ...p, returning: undefined };
    case "segment":
      return { ...p, segment: undefined };
    case "movement":
      return { ...p, movement: undefined };
  }
}

/** The list's URL params with the score filters replaced by `p` (other params such as q kept). */
export function replaceScoreParams(params: URLSearchParams, p: ScoreParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const k of ["rfmClass", "stage", "returning", "segment", "movement"]) next.delete(k);
  new URLSearchParams(scoreSearch(p)).forEach((v, k) => next.set(k, v));
  return next;
}
