import { describe, expect, it } from "vitest";
import { fenToInput, formatYuan, parseYuan } from "../src/lib/money";

describe("money", () => {
  it("shows fen as yuan with thousands separators", () => {
    expect(formatYuan(0)).toBe("¥0.00");
    expect(formatYuan(5)).toBe("¥0.05");
    expect(formatYuan(123456)).toBe("¥1,234.56");
    expect(formatYuan(100_000_000)).toBe("¥1,000,000.00");
    expect(formatYuan(-300)).toBe("-¥3.00");
  });

  it("turns typed yuan into exact fen without floating point surprises", () => {
    const cases: [string, number][] = [
      ["12", 1200],
      ["12.5", 1250],
      ["12.50", 1250],
      ["0.1", 10],
      [".5", 50],
      ["0.29", 29], // 0.29 * 100 is 28.999999999999996 in floating point
      ["1.005", -1],
      ["¥1,234.56", 123456],
      ["１２．３４", 1234],
      ["19.99元", 1999],
      ["  8 ", 800],
    ];
    for (const [typed, fen] of cases) {
      const r = parseYuan(typed);
      if (fen < 0) expect(r).toEqual({ ok: false, reason: "decimals" });
      else expect(r).toEqual({ ok: true, fen });
    }
  });

  it("refuses what is not an amount, saying why", () => {
    expect(parseYuan("")).toEqual({ ok: false, reason: "empty" });
    expect(parseYuan("abc")).toEqual({ ok: false, reason: "format" });
    expect(parseYuan("-5")).toEqual({ ok: false, reason: "format" });
    expect(parseYuan("1e3")).toEqual({ ok: false, reason: "format" });
    expect(parseYuan(".")).toEqual({ ok: false, reason: "format" });
    expect(parseYuan("99999999999999999999")).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("gives fen back in the form a person types", () => {
    expect(fenToInput(1250)).toBe("12.50");
    expect(fenToInput(5)).toBe("0.05");
  });
});
