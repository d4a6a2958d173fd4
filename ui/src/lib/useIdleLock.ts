import { useEffect, useRef } from "react";

const ACTIVITY_EVENTS = ["mousemove", "mousedown", "keydown", "wheel", "touchstart"] as const;

/**
 * Calls onIdle once after `minutes` without mouse or keyboard activity.
 * Disabled when minutes <= 0 or enabled is false.
 */
export function useIdleLock(minutes: number, enabled: boolean, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled || minutes <= 0) return;
    let last = Date.now();
    let fired = false;
    const mark = () => {
      last = Date.now();
    };
    ACTIVITY_EVENTS.forEach((name) => window.addEventListener(name, mark, { passive: true }));
    const limitMs = minutes * 60_000;
    const timer = window.setInterval(() => {
      if (!fired && Date.now() - last >= limitMs) {
        fired = true;
        onIdleRef.current();
      }
    }, Math.min(15_000, limitMs));
    return () => {
      window.clearInterval(timer);
      ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, mark));
    };
  }, [minutes, enabled]);
}
