/**
 * The Suggestions view's data: the user's frequent external senders (Microsoft Graph, through
 * PaneServices.suggestions), without those the directory already has, as the people list's
 * rows. Nothing is read until the person opens Suggestions (Graph's code is its own chunk). The
 * directory check is the pane's own lookups (`inDirectory`: the people batch, its gate and the
 * session's cache), so the list's verdicts that follow cost no second search.
 */
import type { DirectoryError } from "../../contacts/directory-error";
import { isDirectoryError } from "../../contacts/directory-error";
import type { PersonCandidate } from "../../contacts/people";
import type { ParticipantContext } from "../../contacts/participants";
import { suggestionCandidates } from "../../contacts/selection-people";
import { withoutDirectoryContacts, type ExclusionReason } from "../../contacts/suggestions";
import type { SuggestionsService } from "../pane-services";

export type SuggestionsView =
  | { kind: "idle" }
  | { kind: "loading" }
  | {
      kind: "ready";
      windowDays: number;
      candidates: PersonCandidate[];
      excluded: Record<ExclusionReason, number>;
      /** External people past the list's length. */
      more: number;
      /** More mail than is read: the counts cover the newest messages. */
      truncated: boolean;
    }
  | { kind: "failed"; error: DirectoryError };

/** Answers, for the ranked addresses, which ones the directory already has (by address as given). */
export type DirectoryCheck = (
  addresses: readonly string[],
  signal: AbortSignal,
) => Promise<ReadonlySet<string>>;

export class SuggestionsLoader {
  readonly #service: SuggestionsService;
  readonly #inDirectory: DirectoryCheck;
  readonly #context: ParticipantContext;
  readonly #listeners = new Set<() => void>();
  #view: SuggestionsView = { kind: "idle" };
  #loading: AbortController | null = null;

  constructor(service: SuggestionsService, inDirectory: DirectoryCheck, context: ParticipantContext) {
    this.#service = service;
    this.#inDirectory = inDirectory;
    this.#context = context;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  getSnapshot = (): SuggestionsView => this.#view;

  /** Reads (again): Graph, then the directory check. A load still running is abandoned. */
  async load(): Promise<void> {
    this.#loading?.abort();
    const loading = new AbortController();
    this.#loading = loading;
    this.#set({ kind: "loading" });
    try {
      const reading = await this.#service.read(loading.signal);
      const known = await this.#inDirectory(
        reading.senders.map((sender) => sender.address),
        loading.signal,
      );
      if (loading.signal.aborted) return;
      const fresh = withoutDirectoryContacts(reading, (address) => known.has(address));
      this.#set({
        kind: "ready",
        windowDays: this.#service.windowDays,
        candidates: suggestionCandidates(fresh.senders, this.#context),
        excluded: fresh.excluded,
        more: fresh.more,
        truncated: reading.truncated,
      });
    } catch (error) {
      if (loading.signal.aborted) return;
      if (isDirectoryError(error)) this.#set({ kind: "failed", error });
      else throw error;
    } finally {
      if (this.#loading === loading) this.#loading = null;
    }
  }

  dispose(): void {
    this.#loading?.abort();
    this.#listeners.clear();
  }

  #set(view: SuggestionsView): void {
    this.#view = view;
    for (const listener of [...this.#listeners]) listener();
  }
}
