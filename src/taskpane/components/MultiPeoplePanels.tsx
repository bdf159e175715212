/**
 * The people list fed from elsewhere than the message on screen (chunk "people", with the
 * list itself): the senders of several selected messages, and frequent-sender suggestions.
 * Each source has its own PeopleController for the pane's lifetime (a batch goes on while the
 * person looks elsewhere, and switching views never mixes their rows); both share one gate, so
 * two lists never outrun the directory's throttling together.
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwise20Regular } from "@fluentui/react-icons";
import { useEffect, useMemo, useSyncExternalStore, type JSX, type ReactNode } from "react";
import { CallGate } from "../../contacts/batch";
import { lookUpPeople } from "../../contacts/people-batch";
import { selectionCandidates } from "../../contacts/selection-people";
import type { PaneController } from "../state/pane-controller";
import { PeopleController } from "../state/people-controller";
import { SelectionTracker, type SelectionView } from "../state/selection-tracker";
import { SuggestionsLoader } from "../state/suggestions-loader";
import { peopleSentences, suggestionsErrorMessage } from "../locales/people-sentences";
import { PeopleList } from "./PeopleList";

interface PaneLists {
  gate: CallGate;
  tracker: SelectionTracker;
  selection: PeopleController;
  suggestions: PeopleController;
  loader: SuggestionsLoader | null;
}

const lists = new WeakMap<PaneController, PaneLists>();

function listsFor(pane: PaneController): PaneLists {
  let found = lists.get(pane);
  if (!found) {
    const gate = new CallGate();
    const { services } = pane;
    const context = { userAddress: services.host.context.userAddress, org: services.org };
    found = {
      gate,
      tracker: new SelectionTracker(services.host),
      selection: new PeopleController(pane, { gate }),
      // A suggestion is someone the user did not choose: none is ticked for them.
      suggestions: new PeopleController(pane, { gate, preselect: false }),
      loader: services.suggestions
        ? new SuggestionsLoader(
            services.suggestions,
            // The same lookups the list makes next (one cache): those found are left out.
            async (addresses, signal) => {
              const results = await lookUpPeople(pane.lookup, addresses, { gate, signal });
              return new Set(
                addresses.filter((_address, index) => {
                  const result = results[index];
                  return result?.status === "done" && result.value.status === "exists";
                }),
              );
            },
            context,
          )
        : null,
    };
    lists.set(pane, found);
  }
  found.selection.start();
  found.suggestions.start();
  return found;
}

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  note: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

function ControlledList({ controller }: { controller: PeopleController }): JSX.Element {
  const view = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  return (
    <PeopleList
      view={view}
      onToggle={(key, selected) => controller.toggle(key, selected)}
      onSelectAllExternal={(selected) => controller.selectAllExternal(selected)}
      onAdd={(confirmed) => void controller.add(confirmed)}
      onRetryRow={(key) => void controller.retryRow(key)}
    />
  );
}

/**
 * Loaded on Outlook's first SelectedItemsChanged: follows the selection from then on, and shows
 * the senders' list for two or more messages, `single` (the one-message pane) otherwise.
 */
export function SelectionSwitch({ pane, single }: { pane: PaneController; single: ReactNode }): JSX.Element {
  const { tracker } = listsFor(pane);
  const view = useSyncExternalStore(tracker.subscribe, tracker.getSnapshot, tracker.getSnapshot);
  useEffect(() => {
    // The event that loaded this chunk was heard before the tracker listened.
    void tracker.refresh();
  }, [tracker]);
  return view.kind === "single" ? <>{single}</> : <SelectionPanel pane={pane} selection={view} />;
}

/** The senders of several selected messages (Outlook's item multi-select). */
export function SelectionPanel({
  pane,
  selection,
}: {
  pane: PaneController;
  selection: Exclude<SelectionView, { kind: "single" }>;
}): JSX.Element {
  const styles = useStyles();
  const { selection: controller } = listsFor(pane);
  const { host, org } = pane.services;
  const candidates = useMemo(
    () =>
      selection.kind === "several"
        ? selectionCandidates(selection.senders, { userAddress: host.context.userAddress, org })
        : null,
    [selection, host, org],
  );
  useEffect(() => {
    if (selection.kind === "several" && candidates !== null)
      controller.showCandidates(candidates, { kind: "selection", messages: selection.messages });
  }, [controller, selection, candidates]);
  if (selection.kind === "reading")
    return <Spinner size="small" label={peopleSentences().multiPeople.readingSelection} />;
  return (
    <div className={styles.panel} data-testid="selection-panel">
      <ControlledList controller={controller} />
      {selection.skipped > 0 && (
        <Text size={200} className={styles.note}>
          {peopleSentences().multiPeople.skipped(selection.skipped)}
        </Text>
      )}
    </div>
  );
}

/** Frequent senders not in the address book yet (ADDIN_SUGGESTIONS=on). */
export function SuggestionsPanel({ pane }: { pane: PaneController }): JSX.Element | null {
  const styles = useStyles();
  const { suggestions: controller, loader } = listsFor(pane);
  const idle = { kind: "idle" } as const;
  const view = useSyncExternalStore(
    loader?.subscribe ?? (() => () => undefined),
    loader?.getSnapshot ?? (() => idle),
    loader?.getSnapshot ?? (() => idle),
  );
  useEffect(() => {
    // Read once when first opened; Refresh reads again.
    if (loader && loader.getSnapshot().kind === "idle") void loader.load();
  }, [loader]);
  useEffect(() => {
    if (view.kind === "ready") controller.showCandidates(view.candidates, { kind: "suggestions" });
  }, [controller, view]);
  if (!loader) return null;
  const windowDays = pane.services.suggestions?.windowDays ?? 0;
  return (
    <div className={styles.panel} data-testid="suggestions-panel">
      <Text size={200} className={styles.note}>
        {peopleSentences().multiPeople.suggestionsIntro(windowDays)}
      </Text>
      {(view.kind === "idle" || view.kind === "loading") && (
        <Spinner size="small" label={peopleSentences().multiPeople.loadingSuggestions} />
      )}
      {view.kind === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{suggestionsErrorMessage(view.error)}</MessageBarBody>
        </MessageBar>
      )}
      {view.kind === "ready" &&
        (view.candidates.length === 0 ? (
          <Text>{peopleSentences().multiPeople.noSuggestions(view.windowDays)}</Text>
        ) : (
          <ControlledList controller={controller} />
        ))}
      {view.kind === "ready" && (view.excluded["in-directory"] > 0 || view.more > 0) && (
        <Text size={200} className={styles.note}>
          {peopleSentences().multiPeople.excluded(view.excluded["in-directory"], view.more)}
        </Text>
      )}
      {view.kind === "ready" && view.truncated && (
        <Text size={200} className={styles.note}>
          {peopleSentences().multiPeople.truncated}
        </Text>
      )}
      {(view.kind === "ready" || view.kind === "failed") && (
        <div className={styles.actions}>
          <Button
            appearance="secondary"
            icon={<ArrowClockwise20Regular />}
            onClick={() => void loader.load()}
          >
            {view.kind === "failed"
              ? peopleSentences().multiPeople.tryAgain
              : peopleSentences().multiPeople.refresh}
          </Button>
        </div>
      )}
    </div>
  );
}
