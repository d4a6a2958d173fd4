import { describe, expect, it } from "vitest";
import { addSample, secondsLeft, type Sample } from "../src/lib/eta";

describe("time left for a backup", () => {
  it("waits for a second of samples before guessing", () => {
    const s = addSample([], { at: 0, done: 0 });
    expect(secondsLeft(addSample(s, { at: 500, done: 5 }), 100)).toBeNull();
  });

  it("divides what is left by the recent rate", () => {
    // 6 MB/s, like a cheap USB stick: 60 MB left → 10 s.
    let s: Sample[] = [];
    for (let t = 0; t <= 4000; t += 1000) s = addSample(s, { at: t, done: t * 6000 });
    expect(secondsLeft(s, 24_000_000 + 60_000_000)).toBe(10);
  });

  it("forgets samples older than the window, so a slowdown shows", () => {
    let s: Sample[] = [];
    for (let t = 0; t <= 10_000; t += 1000) s = addSample(s, { at: t, done: t * 10_000 });
    // From 10 s on, ten times slower.
    for (let t = 11_000; t <= 20_000; t += 1000) s = addSample(s, { at: t, done: 100_000_000 + (t - 10_000) * 1000 });
    const left = secondsLeft(s, 110_000_000 + 10_000_000);
    expect(left).toBe(10);
  });
});
