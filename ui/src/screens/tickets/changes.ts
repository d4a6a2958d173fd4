// "Something on the service desk changed": the queue, the Today page and the navigation badge
// re-read when a ticket or follow-up is written anywhere (the new-ticket dialog lives in the
// layout, far from the screens that show the result).
import { useEffect } from "react";

const EVENT = "laoke:service-desk-changed";

export function announceChange(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function useOnChange(cb: () => void): void {
  useEffect(() => {
    window.addEventListener(EVENT, cb);
    return () => window.removeEventListener(EVENT, cb);
  }, [cb]);
}
