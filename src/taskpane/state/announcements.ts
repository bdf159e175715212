/**
 * What the pane says aloud through its polite live region, and when. Screen readers do
 * not notice a verdict, an outcome or a notice that appears somewhere on the page, so each
 * is put into words once:
 * - the verdict for the sender on screen, once per selection: a background refresh that
 *   finds the same answer says nothing, one that finds another answer says it;
 * - the outcome of Add, when this pane sees a promotion go from running to done or failed
 *   (the verdict that follows a successful Add is not said again);
 * - the admin center client's busy notice, once per call it waits to send again.
 * Views with a state of their own (a list's batch summary, a proposal's Approve) say theirs
 * through the pane's AnnouncementChannel (announcement-channel.ts), into the same region.
 * Pure apart from its memory of what it said, so the rules are tested without rendering.
 */
import { strings } from "../strings";
import { guidanceFor } from "./error-guidance";
import { personFor, type PaneState, type PromotionView } from "./pane-state";

export interface AnnouncerOptions {
  /**
   * Only the outcome of Add: for a second controller on the page (a proposal's), whose verdict
   * is on the card and whose retry notices the pane's own controller already says.
   */
  outcomesOnly?: boolean;
}

export class Announcer {
  readonly #outcomesOnly: boolean;
  private generation = -1;
  /** The verdict said (or deliberately left unsaid) for this selection. */
  private verdictSaid: string | null = null;
  /** This selection's Add outcome was said: the verdict it leads to is not said as well. */
  private outcomeSaid = false;
  private readonly waitsSaid = new Set<string>();
  /** The promotion phase last seen for each person shown. */
  private readonly phases = new Map<string, PromotionView["phase"] | null>();

  constructor(options: AnnouncerOptions = {}) {
    this.#outcomesOnly = options.outcomesOnly ?? false;
  }

  /** What to say now that the pane shows `state` (one or more sentences), or null when nothing is new. */
  next(state: PaneState, now: number): string | null {
    if (state.generation !== this.generation) {
      this.generation = state.generation;
      this.verdictSaid = null;
      this.outcomeSaid = false;
      this.waitsSaid.clear();
    }
    if (state.selection.kind !== "sender") return null;
    const { analysis, key } = state.selection;
    const person = personFor(state, key);
    const name = analysis.displayName || analysis.address?.displayAddress || strings.sender.unknownName;
    const said: string[] = [];

    const wait = this.#outcomesOnly ? undefined : person.retryWaits.at(-1);
    if (wait && !this.waitsSaid.has(`${wait.operation}:${wait.call}`)) {
      this.waitsSaid.add(`${wait.operation}:${wait.call}`);
      const seconds = Math.ceil((wait.retryAt - now) / 1000);
      const title = wait.reason === "throttled" ? strings.retrying.title : strings.retrying.titleUnreachable;
      said.push(
        strings.announce.busy(
          title,
          seconds > 0 ? strings.retrying.inSeconds(seconds) : strings.retrying.now,
        ),
      );
    }

    if (key !== null) {
      const phase = person.promotion?.phase ?? null;
      const before = this.phases.get(key);
      this.phases.set(key, phase);
      if (before === "running" && person.promotion?.phase === "done") {
        said.push(person.promotion.alreadyExisted ? strings.progress.alreadyExisted : strings.progress.added);
        this.outcomeSaid = true;
      } else if (before === "running" && person.promotion?.phase === "failed") {
        said.push(strings.announce.addStopped(guidanceFor(person.promotion.failure).message));
      }
    }

    const verdict = this.#outcomesOnly ? null : verdictText(state, analysis.kind);
    if (verdict !== null && verdict !== this.verdictSaid) {
      this.verdictSaid = verdict;
      // "Added to the address book" already said that it is.
      if (!(this.outcomeSaid && state.verdict.kind === "exists")) {
        const failure = state.verdict.kind === "unknown" ? state.lookupFailure : null;
        const sentence = strings.announce.verdict(name, verdict);
        said.push(failure ? `${sentence} ${guidanceFor(failure).message}` : sentence);
      }
    }
    return said.length > 0 ? said.join(" ") : null;
  }
}

/** The verdict badge's words for the sender on screen; null while checking. */
function verdictText(state: PaneState, senderKind: string): string | null {
  switch (senderKind) {
    case "internal":
      return strings.verdict.internal;
    case "automated":
      return strings.verdict.automated;
    case "unusable":
      return strings.verdict.unusable;
  }
  switch (state.verdict.kind) {
    case "exists":
      return state.verdict.contact.hiddenFromAddressLists
        ? strings.verdict.existsHidden
        : strings.verdict.exists;
    case "missing":
      return state.verdict.holder ? strings.verdict.heldByOther : strings.verdict.missing;
    case "unknown":
      return strings.verdict.unknown;
    default:
      return null;
  }
}
