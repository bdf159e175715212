/**
 * Connects the pane's controller to React: one controller per pane, started on mount
 * (which subscribes to Outlook's item changes exactly once) and stopped on unmount.
 */
import { useEffect, useState, useSyncExternalStore } from "react";
import type { PaneServices } from "../pane-services";
import { PaneController } from "../state/pane-controller";
import type { PaneState } from "../state/pane-state";

export function usePaneController(services: PaneServices): { state: PaneState; controller: PaneController } {
  const [controller] = useState(() => new PaneController(services));
  useEffect(() => {
    controller.start();
    return () => controller.stop();
  }, [controller]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  return { state, controller };
}
