import { describe, expect, it } from "vitest";
import { blankToNull, formatFen } from "../src/screens/customers/format";

describe("customer screen formatting", () => {
  it("shows integer fen as yuan exactly, with thousands separators", () => {
    expect(formatFen(0)).toBe("¥0.00");
    expect(formatFen(5)).toBe("¥0.05");
    expect(formatFen(123456)).toBe("¥1,234.56");
    expect(formatFen(-1999)).toBe("-¥19.99");
  });

  it("sends blank form fields to the core as not given", () => {
    expect(blankToNull("  ")).toBeNull();
    expect(blankToNull(" 杭州 ")).toBe("杭州");
  });
});
