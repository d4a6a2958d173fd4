import { describe, expect, it } from "vitest";
import { blankToNull, formatFen, regionBesideAddress } from "../src/screens/customers/format";

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

  it("does not repeat the province and city the address already says", () => {
    expect(regionBesideAddress("浙江", "杭州", "浙江省杭州市西湖区文三路 88 号")).toBeNull();
    expect(regionBesideAddress("浙江省", "杭州市", "浙江 杭州 西湖区文三路 88 号")).toBeNull();
    expect(regionBesideAddress("广西壮族自治区", "南宁市", "广西南宁市青秀区民族大道 1 号")).toBeNull();
  });

  it("shows the region only for the parts it adds", () => {
    expect(regionBesideAddress("浙江", "杭州", "西湖区文三路 88 号")).toBe("浙江 杭州");
    expect(regionBesideAddress("浙江", "杭州", "杭州市西湖区文三路 88 号")).toBe("浙江");
    expect(regionBesideAddress("浙江", "杭州", null)).toBe("浙江 杭州");
    expect(regionBesideAddress(null, null, "西湖区文三路 88 号")).toBeNull();
  });

  it("counts a municipality's province and city once", () => {
    expect(regionBesideAddress("北京", "北京市", "朝阳区建国路 1 号")).toBe("北京");
    expect(regionBesideAddress("上海", "上海", "")).toBe("上海");
  });
});
