import { describe, expect, it } from "vitest";
import {
  customersHref,
  decodeMovement,
  encodeMovement,
  replaceScoreParams,
  scoreChips,
  scoreParamsFrom,
  scoreQuery,
  withoutChip,
} from "../src/screens/customers/scoreFilters";

const read = (href: string) => scoreParamsFrom(new URLSearchParams(href.split("?")[1] ?? ""));

describe("customer list score filters in the URL", () => {
  it("a class link opens the list filtered to exactly that class", () => {
    const href = customersHref({ rfmClasses: ["important_value"] });
    expect(href).toBe("/customers?rfmClass=important_value");
    expect(scoreQuery(read(href))).toEqual({ rfmClasses: ["important_value"] });
  });

  it("stages, returning and a segment round-trip", () => {
    const p = read(customersHref({ stages: ["active", "dormant"], returning: true, segment: "saved:7" }));
    expect(p).toEqual({ rfmClasses: [], stages: ["active", "dormant"], returning: true, segment: "saved:7" });
    expect(scoreQuery(p)).toEqual({ stages: ["active", "dormant"], returning: true, segment: "saved:7" });
  });

  it("a movement cell with 'none' on one side round-trips, none as null", () => {
    const m = { kind: "class" as const, fromMonth: "2026-10", from: null, toMonth: "2026-11", to: "general_develop" };
    expect(encodeMovement(m)).toBe("class:2026-10::2026-11:general_develop");
    expect(read(customersHref({ movement: m })).movement).toEqual(m);
  });

  it("unknown codes and malformed movements are dropped, never sent to the core", () => {
    const p = read("/customers?rfmClass=vip,important_keep&stage=asleep&returning=yes&segment=<x>&movement=class:2026-1:a:b:c");
    expect(scoreQuery(p)).toEqual({ rfmClasses: ["important_keep"] });
    expect(decodeMovement("stage:2026-10:important_value:2026-11:active")).toBeUndefined();
  });

  it("removing a chip removes only that filter and keeps the search", () => {
    const params = new URLSearchParams("q=张&rfmClass=important_value,general_keep&stage=new");
    const p = scoreParamsFrom(params);
    expect(scoreChips(p).map((c) => c.kind)).toEqual(["rfmClass", "rfmClass", "stage"]);
    const next = replaceScoreParams(params, withoutChip(p, { kind: "rfmClass", code: "important_value" }));
    expect(next.get("q")).toBe("张");
    expect(next.get("rfmClass")).toBe("general_keep");
    expect(next.get("stage")).toBe("new");
  });
});
