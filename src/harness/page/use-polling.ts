import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Polls `load` every `intervalMs` (one request in flight at a time) and on `refresh()`.
 * Keeps the last good value when a poll fails, and says so.
 */
export function usePolling<T>(load: () => Promise<T>, initial: T, intervalMs: number) {
  const [value, setValue] = useState<T>(initial);
  const [failed, setFailed] = useState(false);
  const inFlight = useRef(false);
  const loadRef = useRef(load);
  loadRef.current = load;

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      setValue(await loadRef.current());
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      inFlight.current = false;
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [refresh, intervalMs]);

  return { value, failed, refresh };
}
