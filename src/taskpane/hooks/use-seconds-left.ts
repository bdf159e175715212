/**
 * Whole seconds until `deadline` (ms since epoch), re-rendered exactly when the shown number
 * changes: each timer is aligned to the deadline, not to a ticker started at some other
 * moment, so "trying again in 2 s" becomes "1 s" one second after the wait began.
 */
import { useEffect, useState } from "react";

export function useSecondsLeft(deadline: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      const left = deadline - current;
      // The next whole-second boundary before the deadline (or the deadline itself).
      if (left > 0) timer = setTimeout(tick, left % 1000 || 1000);
    };
    tick();
    return () => clearTimeout(timer);
  }, [deadline]);
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
