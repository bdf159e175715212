/**
 * An approver's pane on a proposal: the proposed person handled exactly as a sender on screen
 * would be. A second PaneController runs over a host whose "current message" is from the
 * proposed address (with no headers: the original message is in the proposer's mailbox), so
 * the verdict, the prefill rules, the sender-trust guard and its decision, create-then-update
 * with Finish, and the edits of an existing contact are the normal Add's, not copies of it.
 *
 * The proposal only supplies the proposer's choices (names, company, mail tip, hidden), applied
 * once the draft is prefilled and the checks have answered, and never a company the checks
 * withhold (a look-alike domain). A failed authentication the proposer's pane reported makes
 * the guard stricter; no report makes it looser.
 */
import type { ContactProposal } from "../../contacts/proposal";
import type { SenderTrust } from "../../contacts/trust/sender-trust";
import type { CurrentItem, MailHost } from "../../office/mail-host";
import { trustChecksModule, type ModuleLoader, type TrustChecks } from "../lazy-modules";
import type { PaneServices } from "../pane-services";
import { PaneController } from "../state/pane-controller";
import { personFor } from "../state/pane-state";

/** The report can only add caution: a failed authentication becomes a risk the guard names. */
export function withReportedCheck(proposal: ContactProposal) {
  return (trust: SenderTrust): SenderTrust =>
    proposal.senderCheck.status === "failed" && trust.authentication.status !== "failed"
      ? {
          ...trust,
          authentication: {
            status: "failed",
            reason: proposal.senderCheck.reason === "compauth-fail" ? "compauth-fail" : "dmarc-fail",
            details: null,
          },
        }
      : trust;
}

/**
 * The pane's own checks, with the report added to each assessment before the decision: the
 * guard, its decision and the controller's refusal are the normal Add's, unchanged.
 */
function reportedChecks(proposal: ContactProposal): ModuleLoader<TrustChecks> {
  const adjust = withReportedCheck(proposal);
  const wrap = (checks: TrustChecks): TrustChecks => ({
    ...checks,
    assessSenderTrust: async (...args) => adjust(await checks.assessSenderTrust(...args)),
  });
  return {
    load: () => trustChecksModule.load().then(wrap),
    loaded: () => {
      const checks = trustChecksModule.loaded();
      return checks && wrap(checks);
    },
  };
}

export class ProposalSession {
  readonly controller: PaneController;
  readonly #proposal: ContactProposal;
  #applied = false;
  #unsubscribe: (() => void) | null = null;

  constructor(services: PaneServices, proposal: ContactProposal) {
    this.#proposal = proposal;
    const item: CurrentItem = {
      kind: "message",
      from: { displayName: proposal.displayName, emailAddress: proposal.address },
      sender: null,
    };
    const host: MailHost = {
      context: services.host.context,
      readCurrentItem: () => item,
      // The proposed person never changes under this view; the pane's own controller follows the selection.
      onItemChanged: () => () => undefined,
      readInternetHeaders: () => Promise.resolve(null),
      onThemeChanged: (listener) => services.host.onThemeChanged(listener),
    };
    this.controller = new PaneController({ ...services, host }, { trustChecks: reportedChecks(proposal) });
  }

  start(): void {
    this.#unsubscribe = this.controller.subscribe(() => this.#applyProposal());
    const stopTrust = this.controller.trust.subscribe(() => this.#applyProposal());
    const stopState = this.#unsubscribe;
    this.#unsubscribe = () => {
      stopState();
      stopTrust();
    };
    this.controller.start();
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.controller.stop();
  }

  /** Once the draft is there and the checks have answered: the proposer's values, as if typed. */
  #applyProposal(): void {
    if (this.#applied) return;
    const state = this.controller.getState();
    const key = state.selection.kind === "sender" ? state.selection.key : null;
    const trust = this.controller.trust.getState();
    if (key === null || !personFor(state, key).draft || trust.kind === "checking" || trust.kind === "none")
      return;
    this.#applied = true;
    const proposal = this.#proposal;
    const lookAlike = trust.kind === "ready" && trust.trust.lookAlike !== null;
    this.controller.updateDraft({
      displayName: proposal.displayName,
      firstName: proposal.firstName,
      lastName: proposal.lastName,
      // A look-alike domain's company is withheld, whatever the proposer's pane made of it.
      ...(lookAlike ? {} : { company: proposal.company }),
      mailTip: proposal.mailTip,
      hiddenFromAddressLists: proposal.hiddenFromAddressLists,
    });
  }
}
