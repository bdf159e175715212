/**
 * Where the pane shows proposals (docs/proposals.md), in the first download only as two slots:
 * everything else (reading the message, the views, the format with zod, the proposal's own
 * controller, Office's message forms) is the "proposals" chunk, asked for when a slot is on
 * screen: a colleague's message (it may hold a proposal), or an external sender the account may
 * not add. A failed download shows nothing extra.
 */
import { lazy, Suspense, type ComponentType, type JSX } from "react";
import type { ContactDraft, SenderAnalysis } from "../../contacts/types";
import type { PaneServices } from "../pane-services";
import type { AnnouncementChannel } from "../state/announcement-channel";
import type { TrustView } from "../state/sender-trust-tracker";

export interface ProposeSlotProps {
  services: PaneServices;
  draft: ContactDraft | null;
  analysis: SenderAnalysis;
  trust: TrustView;
}

/** What the chunk's entry renders: a colleague's message (a proposal, if it holds one) or the offer to propose. */
export type ProposalsProps = ProposalViewProps | ProposeSlotProps;

export interface ProposalViewProps {
  services: PaneServices;
  /** The pane's live region: Approve's outcome is said there, as the card's Add's is. */
  announcements: AnnouncementChannel;
  /**
   * Why the colleague's message offers no Add ("colleagues are already in the address list"):
   * shown unless the message holds a proposal, whose own lines say who proposed whom.
   */
  senderNote: JSX.Element;
}

const ProposalViews = lazy<ComponentType<ProposalsProps>>(() =>
  // Nothing to offer without the chunk; the pane around it is whole (with the sender's note).
  import(/* webpackChunkName: "proposals" */ "./proposal-views").catch(() => ({
    default: (props: ProposalsProps) => ("senderNote" in props ? props.senderNote : null),
  })),
);

/**
 * Under a colleague's message (`services` and `announcements`): the proposal it carries, if any. Under the
 * draft, for an account that may not add (with the draft): "Ask an admin to add".
 */
export function ProposalsSlot(props: ProposalsProps): JSX.Element {
  return (
    <Suspense fallback={"senderNote" in props ? props.senderNote : null}>
      <ProposalViews {...props} />
    </Suspense>
  );
}
