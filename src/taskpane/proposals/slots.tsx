/**
 * Where the pane shows proposals (docs/proposals.md), in the first download only as two slots:
 * everything else (the views, the format with zod, the proposal's own controller) is the
 * "proposals" chunk, asked for when a slot is on screen: a colleague's message (which may be
 * a proposal) or an external sender the account may not add.
 */
import { useEffect, useState, type JSX } from "react";
import { PROPOSAL_BEGIN } from "../../contacts/proposal-marker";
import type { ContactDraft, SenderAnalysis } from "../../contacts/types";
import { moduleLoader, type ModuleLoader } from "../lazy-modules";
import type { PaneServices } from "../pane-services";
import type { TrustView } from "../state/sender-trust-tracker";

export type ProposalViews = typeof import("./proposal-views");

export const proposalViewsModule: ModuleLoader<ProposalViews> = moduleLoader(
  () => import(/* webpackChunkName: "proposals" */ "./proposal-views"),
);

/** The chunk once it has arrived (when `wanted`); nothing before (these slots add to a view, they never hold its place). */
function useProposalViews(wanted = true): ProposalViews | null {
  const [views, setViews] = useState(() => proposalViewsModule.loaded());
  useEffect(() => {
    if (views || !wanted) return;
    let current = true;
    proposalViewsModule.load().then(
      (arrived) => {
        if (current) setViews(arrived);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [views, wanted]);
  return views;
}

/**
 * Under a colleague's message: the proposal it carries, if any. The body is read here (the slot is
 * keyed by selection, so it is this message's); the proposal code is asked for only when the
 * body holds a block.
 */
export function ProposalSlot({ services }: { services: PaneServices }): JSX.Element | null {
  const [body, setBody] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void services.host.readBodyText?.().then((text) => {
      if (current && text !== null && text.includes(PROPOSAL_BEGIN)) setBody(text);
    });
    return () => {
      current = false;
    };
  }, [services]);
  const views = useProposalViews(body !== null);
  return views && body !== null ? <views.ProposalView services={services} body={body} /> : null;
}

export interface ProposeSlotProps {
  services: PaneServices;
  draft: ContactDraft | null;
  analysis: SenderAnalysis;
  trust: TrustView;
}

/** Under the draft, for an account that may not add: "Ask an admin to add". */
export function ProposeSlot(props: ProposeSlotProps): JSX.Element | null {
  const views = useProposalViews();
  return views ? <views.ProposeSection {...props} /> : null;
}
