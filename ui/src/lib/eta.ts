// "About N s left" for a long job: the rate over the last few seconds (a USB stick's speed
// changes as its cache fills), not since the start.

export interface Sample {
  /** Milliseconds (any monotonic clock). */
  at: number;
  done: number;
}

const WINDOW_MS = 8000;

/** Keep the samples of the last few seconds, plus the new one. */
export function addSample(samples: Sample[], s: Sample): Sample[] {
  const kept = samples.filter((x) => s.at - x.at <= WINDOW_MS && x.done <= s.done);
  return [...kept, s];
}

/** Seconds left, or null while there is too little to go on (under a second of samples). */
export function secondsLeft(samples: Sample[], total: number): number | null {
  if (samples.length < 2) return null;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const ms = last.at - first.at;
  const bytes = last.done - first.done;
  if (ms < 1000 || bytes <= 0) return null;
  const rate = bytes / ms;
  return Math.max(0, Math.ceil((total - last.done) / rate / 1000));
}
