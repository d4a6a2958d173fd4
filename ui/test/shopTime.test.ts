import { afterEach, describe, expect, it } from "vitest";
import { formatDateTime, formatShopDay } from "../src/lib/format";
import { DEFAULT_TIMEZONE, displayTimeZone, setDisplayTimeZone } from "../src/lib/shopTime";
import { formatDay } from "../src/screens/customers/format";

describe("times on screen follow the shop's clock", () => {
  afterEach(() => setDisplayTimeZone(DEFAULT_TIMEZONE));

  it("shows a UTC instant as Shanghai wall time by default, whatever the computer's zone", () => {
    expect(displayTimeZone()).toBe("Asia/Shanghai");
    expect(formatDateTime("2024-03-05T15:30:00Z")).toBe("2024-03-05 23:30");
    expect(formatDateTime("2024-03-05T16:30:00Z")).toBe("2024-03-06 00:30");
    expect(formatShopDay("2024-03-05T16:30:00Z")).toBe("2024-03-06");
  });

  it("switches every formatted time when the shop's timezone changes", () => {
    setDisplayTimeZone("America/Los_Angeles");
    expect(formatDateTime("2024-03-05T15:30:00Z")).toBe("2024-03-05 07:30");
    expect(formatDay("2024-03-05T06:00:00Z")).toBe("2024-03-04");
  });

  it("ignores a timezone name it does not know and keeps the last good one", () => {
    setDisplayTimeZone("Mars/Olympus");
    expect(displayTimeZone()).toBe("Asia/Shanghai");
  });

  it("leaves bare dates, empty values and text that is not a time alone", () => {
    expect(formatDay("1990-05-03")).toBe("1990-05-03");
    expect(formatDateTime(null)).toBe("");
    expect(formatDateTime("")).toBe("");
    expect(formatDateTime("不是时间")).toBe("不是时间");
  });
});
