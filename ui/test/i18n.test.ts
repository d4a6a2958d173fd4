import { describe, expect, it } from "vitest";
import en from "../src/i18n/en";
import { translate } from "../src/i18n";
import zhCN from "../src/i18n/zh-CN";
import { ERROR_CODES } from "../src/lib/backend/types";

describe("dictionaries", () => {
  it("zh-CN and en have exactly the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it("no message is empty in either language", () => {
    for (const [lang, dict] of Object.entries({ "zh-CN": zhCN, en })) {
      for (const [key, text] of Object.entries(dict)) {
        expect(text.trim(), `${lang} ${key} must not be empty`).not.toBe("");
      }
    }
  });

  it("every error code of the IPC contract has a fallback message", () => {
    for (const code of ERROR_CODES) {
      expect(Object.keys(zhCN), `missing error.${code}`).toContain(`error.${code}`);
    }
  });

  it("placeholders are the same in both languages", () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(names(en[key]), `placeholders of ${key}`).toEqual(names(zhCN[key]));
    }
  });

  it("translate fills in placeholders", () => {
    expect(translate("zh-CN", "customers.total", { n: 12 })).toBe("共 12 位客户");
    expect(translate("en", "customers.total", { n: 12 })).toBe("12 customers");
  });
});
