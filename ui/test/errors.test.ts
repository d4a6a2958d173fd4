import { describe, expect, it } from "vitest";
import { BackendError, toBackendError } from "../src/lib/backend/errors";

describe("toBackendError", () => {
  it("keeps code and message of a {code, message} object", () => {
    const e = toBackendError({ code: "wrong_password", message: "密码不正确" });
    expect(e).toBeInstanceOf(BackendError);
    expect(e.code).toBe("wrong_password");
    expect(e.message).toBe("密码不正确");
  });

  it("accepts an object without a message", () => {
    const e = toBackendError({ code: "forbidden" });
    expect(e.code).toBe("forbidden");
    expect(e.message).toBe("");
  });

  it("parses a JSON string holding {code, message}", () => {
    const e = toBackendError('{"code":"locked","message":"已锁定"}');
    expect(e.code).toBe("locked");
    expect(e.message).toBe("已锁定");
  });

  it("turns a plain string into an internal error with that text", () => {
    const e = toBackendError("command foo not found");
    expect(e.code).toBe("internal");
    expect(e.message).toBe("command foo not found");
  });

  it("turns an Error into an internal error", () => {
    expect(toBackendError(new Error("boom"))).toMatchObject({ code: "internal", message: "boom" });
  });

  it("turns anything else into an internal error without a message", () => {
    for (const raw of [undefined, null, 42, { foo: 1 }]) {
      expect(toBackendError(raw)).toMatchObject({ code: "internal", message: "" });
    }
  });

  it("returns a BackendError unchanged", () => {
    const original = new BackendError("conflict", "x");
    expect(toBackendError(original)).toBe(original);
  });
});
