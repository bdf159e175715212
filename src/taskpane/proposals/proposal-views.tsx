/**
 * The "proposals" chunk (docs/proposals.md): "Ask an admin to add" for an account that may not
 * add, and an approver's view of a proposal a colleague sent (Approve / Decline). The format
 * and its checks are src/contacts/proposal.ts; the approver's Add is the pane's own, through
 * ProposalSession.
 */
import {
  Avatar,
  Button,
  Field,
  makeStyles,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useMemo, useState, useSyncExternalStore, type JSX } from "react";
import { validateDraft } from "../../contacts/draft-rules";
import { typedMailTipText } from "../../contacts/mail-tip";
import {
  checkProposalMessage,
  composeProposal,
  MAX_REASON_LENGTH,
  parseApprovers,
  proposalFieldWithMarkup,
  type ContactProposal,
  type ProposalCheck,
  type ProposalProblem,
} from "../../contacts/proposal";
import { SenderView } from "../App";
import { UntitledMessageBar } from "../components/UntitledMessageBar";
import type { PaneServices } from "../pane-services";
import type { AnnouncementChannel } from "../state/announcement-channel";
import { Announcer } from "../state/announcements";
import type { TrustView } from "../state/sender-trust-tracker";
import { proposalFieldName, proposalSentences } from "../locales/proposal-sentences";
import { strings } from "../strings";
import { proposalWords } from "./proposal-words";
import { ProposalSession } from "./proposal-session";
import type { ProposalsProps, ProposalViewProps, ProposeSlotProps } from "./slots";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
  proposal: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    paddingBlockStart: tokens.spacingVerticalM,
    borderTopWidth: tokens.strokeWidthThick,
    borderTopStyle: "solid",
    borderTopColor: tokens.colorBrandStroke1,
  },
  proposerLines: { display: "flex", flexDirection: "column", minWidth: 0 },
  proposer: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    alignItems: "center",
  },
  title: { margin: 0, overflowWrap: "anywhere" },
  quiet: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  reason: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorNeutralStroke1,
    whiteSpace: "pre-line",
    overflowWrap: "anywhere",
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  wide: { width: "100%" },
});

/** The chunk's entry (slots.tsx renders it lazily): a proposal, or the offer to propose. */
export default function ProposalsEntry(props: ProposalsProps): JSX.Element | null {
  return "draft" in props ? <ProposeSection {...props} /> : <ProposalView {...props} />;
}

// ---- the proposer's side ----

/** The sender check as the proposer's pane saw it; "not checked" when it had not answered. */
function senderCheckOf(trust: TrustView): ContactProposal["senderCheck"] {
  return trust.kind === "ready"
    ? { status: trust.trust.authentication.status, reason: trust.trust.authentication.reason }
    : { status: "not-checked", reason: "headers-unavailable" };
}

export function ProposeSection({ services, draft, analysis, trust }: ProposeSlotProps): JSX.Element {
  const proposalStrings = proposalSentences();
  const styles = useStyles();
  const [reason, setReason] = useState("");
  const [outcome, setOutcome] = useState<"opened" | "failed" | null>(null);
  const { addresses: approvers, invalid } = parseApprovers(services.org.approvers ?? "");
  const { host } = services;

  const proposal: ContactProposal | null =
    draft && analysis.address
      ? {
          address: draft.address,
          displayName: draft.displayName,
          firstName: draft.firstName,
          lastName: draft.lastName,
          company: draft.company,
          mailTip: typedMailTipText(draft.mailTip),
          hiddenFromAddressLists: draft.hiddenFromAddressLists,
          reason: reason.trim(),
          proposer: { displayName: host.context.userDisplayName, address: host.context.userAddress },
          senderCheck: senderCheckOf(trust),
          risks: trust.kind === "ready" ? trust.risks.map((risk) => risk.kind) : [],
        }
      : null;
  const markupField = proposal ? proposalFieldWithMarkup(proposal) : null;
  const sendable =
    proposal !== null && draft !== null && validateDraft(draft).length === 0 && markupField === null;

  const ask = async () => {
    if (!proposal || !sendable) return;
    const composed = composeProposal(proposal, proposalWords());
    const access = await host.proposalAccess?.().catch(() => undefined);
    const opened =
      access?.displayNewMessageForm({
        to: approvers,
        subject: composed.subject,
        htmlBody: composed.htmlBody,
      }) ?? false;
    setOutcome(opened ? "opened" : "failed");
  };

  return (
    <section className={styles.section} aria-label={proposalStrings.ask}>
      <Text className={styles.intro}>{proposalStrings.askIntro}</Text>
      {approvers.length === 0 || invalid.length > 0 ? (
        <UntitledMessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {invalid.length > 0 ? proposalStrings.badApprovers(invalid) : proposalStrings.noApprovers}
          </MessageBarBody>
        </UntitledMessageBar>
      ) : (
        <Field
          label={proposalStrings.reasonLabel}
          {...(markupField === "reason"
            ? { validationState: "error" as const, validationMessage: proposalStrings.reasonMarkup }
            : {})}
        >
          <Textarea
            value={reason}
            maxLength={MAX_REASON_LENGTH}
            resize="vertical"
            onChange={(_, data) => {
              setReason(data.value);
              setOutcome(null);
            }}
          />
        </Field>
      )}
      {markupField !== null && markupField !== "reason" ? (
        <Text size={200}>{proposalStrings.fieldMarkup(proposalFieldName(markupField))}</Text>
      ) : null}
      <Button
        appearance="primary"
        className={styles.wide}
        disabled={approvers.length === 0 || invalid.length > 0 || !sendable}
        onClick={() => void ask()}
      >
        {proposalStrings.ask}
      </Button>
      {outcome ? (
        <UntitledMessageBar intent={outcome === "opened" ? "success" : "error"} layout="multiline">
          <MessageBarBody>
            {outcome === "opened" ? proposalStrings.opened : proposalStrings.openFailed}
          </MessageBarBody>
        </UntitledMessageBar>
      ) : null}
    </section>
  );
}

// ---- the approver's side ----

type Reading = { kind: "reading" } | ProposalCheck;

/** Reads the message on screen once (the view is keyed by selection) and checks it: its body, sender and headers. */
function useProposalCheck(services: PaneServices): Reading {
  const [reading, setReading] = useState<Reading>({ kind: "reading" });
  useEffect(() => {
    let current = true;
    const { host, org } = services;
    const item = host.readCurrentItem();
    if (item.kind !== "message" || !host.proposalAccess) {
      setReading({ kind: "none" });
      return;
    }
    void host
      .proposalAccess()
      .then((access) => Promise.all([access.readBodyText(), host.readInternetHeaders()]))
      .then(
        ([body, headers]) => {
          if (!current) return;
          setReading(
            body === null
              ? { kind: "none" }
              : checkProposalMessage(
                  {
                    body,
                    from: item.from,
                    sender: item.sender,
                    headers,
                    userAddress: host.context.userAddress,
                    userDisplayName: host.context.userDisplayName,
                  },
                  org,
                  proposalWords(),
                ),
          );
        },
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [services]);
  return reading;
}

/** A colleague's message: the proposal it holds (without the sender's note), or the note, and why a proposal was refused. */
export function ProposalView({ services, announcements, senderNote }: ProposalViewProps): JSX.Element | null {
  const reading = useProposalCheck(services);
  switch (reading.kind) {
    case "reading":
    case "none":
      return senderNote;
    case "refused":
      return (
        <>
          {senderNote}
          <RefusedProposal problem={reading.problem} />
        </>
      );
    case "accepted":
      return <AcceptedProposal services={services} check={reading} announcements={announcements} />;
  }
}

function problemSentence(problem: ProposalProblem): string {
  const sentences = proposalSentences().problem;
  switch (problem.kind) {
    case "forwarded":
      return sentences.forwarded(problem.proposer);
    case "wrong-fields":
      return sentences["wrong-fields"](proposalFieldName(problem.field));
    case "markup":
      return sentences.markup(proposalFieldName(problem.field));
    case "text-disagrees":
      return sentences["text-disagrees"](proposalFieldName(problem.field));
    default:
      return sentences[problem.kind];
  }
}

function RefusedProposal({ problem }: { problem: ProposalProblem }): JSX.Element {
  const proposalStrings = proposalSentences();
  return (
    <UntitledMessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{proposalStrings.refusedTitle}</MessageBarTitle> {problemSentence(problem)}{" "}
        {proposalStrings.refusedFooter}
      </MessageBarBody>
    </UntitledMessageBar>
  );
}

function AcceptedProposal({
  services,
  check,
  announcements,
}: {
  services: PaneServices;
  check: Extract<ProposalCheck, { kind: "accepted" }>;
  announcements: AnnouncementChannel;
}): JSX.Element | null {
  const styles = useStyles();
  const titleId = useId();
  const { proposal, proposer } = check;
  const session = useMemo(() => new ProposalSession(services, proposal), [services, proposal]);
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  useEffect(() => {
    // Approve's outcome, said by the pane's live region as the card's Add's is (the card itself says the verdict).
    const announcer = new Announcer({ outcomesOnly: true });
    const listen = () => {
      const text = announcer.next(session.controller.getState(), Date.now());
      if (text !== null) announcements.say(text);
    };
    listen();
    return session.controller.subscribe(listen);
  }, [session, announcements]);
  const state = useSyncExternalStore(session.controller.subscribe, session.controller.getState);
  const proposerName = proposer.displayName || proposer.address?.displayAddress || "";
  const proposalStrings = proposalSentences();
  const personName = proposal.displayName;
  const selection = state.selection;
  const exists = state.verdict.kind === "exists";
  const key = selection.kind === "sender" ? selection.key : null;
  const done = key !== null && state.people[key]?.promotion?.phase === "done";

  return (
    <section className={styles.proposal} aria-labelledby={titleId}>
      <div className={styles.proposer}>
        <Avatar name={proposerName} color="colorful" size={32} aria-hidden />
        <div className={styles.proposerLines}>
          <Text as="h2" weight="semibold" size={400} id={titleId} className={styles.title}>
            {proposalStrings.title(proposerName, personName)}
          </Text>
          <Text size={200} className={styles.quiet}>
            {proposalStrings.proposedBy}: {proposerName} ({proposer.address?.displayAddress})
          </Text>
        </div>
      </div>
      {proposal.reason !== "" ? (
        <div>
          <Text size={200} weight="semibold">
            {proposalStrings.theirReason}
          </Text>
          <p className={styles.reason}>{proposal.reason}</p>
        </div>
      ) : null}
      {exists && !done ? (
        <UntitledMessageBar intent="info" layout="multiline">
          <MessageBarBody>{proposalStrings.alreadyThere}</MessageBarBody>
        </UntitledMessageBar>
      ) : null}
      {selection.kind === "sender" ? (
        <SenderView
          state={state}
          selection={selection}
          controller={session.controller}
          addLabel={proposalStrings.approve}
          cardLabel={proposalStrings.personRegion}
          trustLine={
            <Text size={200} className={styles.quiet}>
              {proposalStrings.reportedCheck(proposerName, strings.trust.status[proposal.senderCheck.status])}
              {proposal.risks.length > 0
                ? ` ${proposalStrings.reportedRisks}: ${proposal.risks.map((risk) => proposalStrings.mail.risk[risk]).join("; ")}.`
                : ""}
            </Text>
          }
        />
      ) : null}
      {/* Declining is an approver's answer: an account that may not add has none to give. */}
      {done || !state.writeAllowed ? null : <DeclineSection services={services} personName={personName} />}
    </section>
  );
}

function DeclineSection({
  services,
  personName,
}: {
  services: PaneServices;
  personName: string;
}): JSX.Element {
  const styles = useStyles();
  const proposalStrings = proposalSentences();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [outcome, setOutcome] = useState<"opened" | "failed" | null>(null);
  if (!open) {
    return (
      <div className={styles.actions}>
        <Button onClick={() => setOpen(true)}>{proposalStrings.decline}</Button>
        {outcome ? (
          <UntitledMessageBar intent={outcome === "opened" ? "success" : "error"} layout="multiline">
            <MessageBarBody>
              {outcome === "opened" ? proposalStrings.declineOpened : proposalStrings.openFailed}
            </MessageBarBody>
          </UntitledMessageBar>
        ) : null}
      </div>
    );
  }
  const write = async () => {
    const text = proposalStrings.mail.declineBody(personName, reason);
    const html = `<p>${text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`;
    const access = await services.host.proposalAccess?.().catch(() => undefined);
    const opened = access?.displayReplyForm(html) ?? false;
    setOutcome(opened ? "opened" : "failed");
    setOpen(false);
  };
  return (
    <div className={styles.section}>
      <Field label={proposalStrings.declineReasonLabel}>
        <Textarea value={reason} resize="vertical" onChange={(_, data) => setReason(data.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void write()}>
          {proposalStrings.declineWrite}
        </Button>
        <Button onClick={() => setOpen(false)}>{proposalStrings.declineCancel}</Button>
      </div>
    </div>
  );
}
