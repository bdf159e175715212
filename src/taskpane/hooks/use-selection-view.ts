/**
 * Outlook's item multi-select as the pane sees it: one SelectionTracker per services, following
 * SelectedItemsChanged from the first render for the pane's lifetime (the pane is the page).
 * Clients without multi-select stay "single".
 */
import { useState, useSyncExternalStore } from "react";
import type { PaneServices } from "../pane-services";
import { SelectionTracker, type SelectionView } from "../state/selection-tracker";

export function useSelectionView(services: PaneServices): SelectionView {
  const [tracker] = useState(
    () =>
      new SelectionTracker(services.host, {
        userAddress: services.host.context.userAddress,
        org: services.org,
      }),
  );
  return useSyncExternalStore(tracker.subscribe, tracker.getSnapshot, tracker.getSnapshot);
}
