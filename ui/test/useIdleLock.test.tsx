import { renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useIdleLock } from "../src/lib/useIdleLock";

describe("useIdleLock", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("locks once after the idle minutes pass without activity", () => {
    const onIdle = vi.fn();
    renderHook(() => useIdleLock(1, true, onIdle));
    vi.advanceTimersByTime(45_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30_000);
    expect(onIdle).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(120_000);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it("keyboard activity restarts the countdown", () => {
    const onIdle = vi.fn();
    renderHook(() => useIdleLock(1, true, onIdle));
    vi.advanceTimersByTime(45_000);
    window.dispatchEvent(new KeyboardEvent("keydown"));
    vi.advanceTimersByTime(30_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(45_000);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it("never locks when minutes is 0", () => {
    const onIdle = vi.fn();
    renderHook(() => useIdleLock(0, true, onIdle));
    vi.advanceTimersByTime(24 * 3_600_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
