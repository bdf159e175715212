/**
 * The task pane: the sender of the selected message, whether the organization's
 * address book has them, and one click to add them. Follows Outlook's theme and the
 * selection of a pinned pane. Everything it touches outside React comes in `services`.
 */
import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBarBody,
  Skeleton,
  SkeletonItem,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { EXCHANGE_WRITE_ROLES } from "../contacts/exchange-rules";
import {
  lazy,
  Suspense,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type JSX,
  type ReactNode,
} from "react";
import { validateDraft } from "../contacts/draft-rules";
import { ErrorBar } from "./components/ErrorBar";
import { EmptyState } from "./components/EmptyState";
import { ExistingContactPanel } from "./components/ExistingContactPanel";
import { LiveAnnouncer } from "./components/LiveAnnouncer";
import { AddressHolderNote } from "./components/AddressHolderNote";
import { AfterClickView } from "./components/AfterClickView";
import { isListedMeeting, PeopleSection } from "./components/PeopleSection";
import { PromoteForm } from "./components/PromoteForm";
import { UntitledMessageBar } from "./components/UntitledMessageBar";
import { RetryNoticeBar } from "./components/RetryNoticeBar";
import { SenderCard } from "./components/SenderCard";
import { TrustLine } from "./components/TrustLine";
import type { VerdictKind } from "./components/VerdictBadge";
import { visuallyHidden } from "./components/visually-hidden";
import { useOfficeTheme } from "./hooks/use-office-theme";
import { usePaneController } from "./hooks/use-pane-controller";
import { prefetchAfterClickViews } from "./lazy-modules";
import type { PaneServices } from "./pane-services";
import type { PaneController } from "./state/pane-controller";
import type { TrustView } from "./state/sender-trust-tracker";
import {
  createConfirmed,
  draftLocked,
  personFor,
  promotionRefused,
  type PaneState,
  type PersonState,
  type Selection,
} from "./state/pane-state";
import { senderReason, strings } from "./strings";
import type { SenderAnalysis } from "../contacts/types";
import { ProposalsSlot } from "./proposals/slots";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    paddingBlock: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalL,
    maxWidth: "40rem",
    marginInline: "auto",
    boxSizing: "border-box",
    // Outlook mobile and touch screens: every button at least 44 px, the size a finger hits.
    "@media (pointer: coarse)": {
      "& .fui-Button, & .fui-ToggleButton": { minHeight: "44px", minWidth: "44px" },
      "& .fui-Switch": { minHeight: "44px", alignItems: "center" },
    },
  },
  reason: { color: tokens.colorNeutralForeground2 },
  views: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  placeholder: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // The page's level-one heading: Outlook's task pane header already shows the add-in's name.
  title: visuallyHidden,
});

// The lists of several people are a chunk of their own ("people"), loaded when one is shown.
const SelectionSwitch = lazy(() =>
  import(/* webpackChunkName: "people" */ "./components/MultiPeoplePanels").then((module) => ({
    default: module.SelectionSwitch,
  })),
);
const SuggestionsPanel = lazy(() =>
  import(/* webpackChunkName: "people" */ "./components/MultiPeoplePanels").then((module) => ({
    default: module.SuggestionsPanel,
  })),
);

export function App(props: { services: PaneServices }): JSX.Element {
  const theme = useOfficeTheme(props.services.host);
  // The catalogue's direction: Fluent mirrors its components and the styles made inside it.
  return (
    <FluentProvider theme={theme} dir={strings.direction}>
      <PaneBackground>
        <Pane services={props.services} />
      </PaneBackground>
    </FluentProvider>
  );
}

/** The pane's background, styled inside the provider so that its classes share the provider's direction. */
function PaneBackground({ children }: { children: JSX.Element }): JSX.Element {
  const styles = useStyles();
  return <div className={styles.provider}>{children}</div>;
}

function Pane({ services }: { services: PaneServices }): JSX.Element {
  const styles = useStyles();
  const { state, controller } = usePaneController(services);
  const titleId = useId();
  // Several selected messages replace the single message (their reading and list load on
  // Outlook's first SelectedItemsChanged); Suggestions is a view of its own.
  const multiSelect = services.host.multiSelect;
  const [selecting, setSelecting] = useState(false);
  useEffect(() => multiSelect?.onSelectionChanged(() => setSelecting(true)), [multiSelect]);
  const [view, setView] = useState<"message" | "suggestions">("message");
  const showSuggestions = services.suggestions ? view === "suggestions" : false;
  // Open or closed for the whole session: someone working through their inbox keeps it as they left it.
  const [peopleOpen, setPeopleOpen] = useState(false);
  const single = (
    <SingleItem
      state={state}
      controller={controller}
      services={services}
      peopleOpen={peopleOpen}
      onPeopleOpenChange={setPeopleOpen}
    />
  );
  return (
    <main className={styles.pane} aria-labelledby={titleId}>
      <h1 id={titleId} className={styles.title}>
        {strings.appTitle}
      </h1>
      <LiveAnnouncer state={state} channel={controller.announcements} />
      {services.suggestions ? (
        // Two pressed-or-not buttons rather than Fluent's TabList, whose focus helpers are
        // aria-hidden focusable elements (axe reports them), or ToggleButton (initial weight).
        <div role="group" aria-label={strings.multiPeople.views} className={styles.views}>
          {(["message", "suggestions"] as const).map((name) => (
            <Button
              key={name}
              appearance={view === name ? "secondary" : "subtle"}
              aria-pressed={view === name}
              onClick={() => setView(name)}
            >
              {name === "message" ? strings.multiPeople.thisMessage : strings.multiPeople.suggestions}
            </Button>
          ))}
        </div>
      ) : null}
      {showSuggestions ? (
        <Suspense fallback={<Spinner size="tiny" label={strings.lazy.loading} />}>
          <SuggestionsPanel pane={controller} />
        </Suspense>
      ) : selecting ? (
        <Suspense fallback={single}>
          <SelectionSwitch pane={controller} single={single} />
        </Suspense>
      ) : (
        single
      )}
    </main>
  );
}

/** The message on screen (or why there is none): the pane as it was before lists of several people. */
interface SingleItemProps {
  state: PaneState;
  controller: PaneController;
  services: PaneServices;
  peopleOpen: boolean;
  onPeopleOpenChange(open: boolean): void;
}

function SingleItem({
  state,
  controller,
  services,
  peopleOpen,
  onPeopleOpenChange,
}: SingleItemProps): JSX.Element {
  const { selection } = state;
  // A meeting in read mode lists its organizer and attendees instead of "not a message".
  const meeting = useMemo(
    () => selection.kind === "not-message" && isListedMeeting(controller),
    [selection, controller],
  );
  const trust = useTrustView(controller);
  return (
    <>
      {selection.kind === "none" ? <EmptyState variant="message" message={strings.empty.noItem} /> : null}
      {selection.kind === "not-message" && !meeting ? (
        <EmptyState variant="other-item" message={strings.empty.notMessage(selection.itemType)} />
      ) : null}
      {selection.kind === "sender" ? (
        // Keyed by generation: nothing local (an open mail tip editor) carries over to another message.
        <SenderView
          key={state.generation}
          state={state}
          selection={selection}
          controller={controller}
          services={services}
        />
      ) : null}
      {selection.kind === "sender" || meeting ? (
        <PeopleSection
          waiting={selection.kind === "sender" && !senderSettled(state, selection, trust)}
          controller={controller}
          generation={state.generation}
          open={peopleOpen}
          onOpenChange={onPeopleOpenChange}
        />
      ) : null}
    </>
  );
}

function useTrustView(controller: PaneController): TrustView {
  return useSyncExternalStore(
    controller.trust.subscribe,
    controller.trust.getState,
    controller.trust.getState,
  );
}

/**
 * True once nothing more is coming for the sender on screen: the verdict, the draft it needs
 * and the sender check. What arrives after the verdict (the check's lines, the draft's mail
 * tip and notes, the people list's button) is shown below the primary action only from then
 * on, all at once, so that nothing the person is already reading moves (no layout shift).
 */
export function senderSettled(
  state: PaneState,
  selection: Extract<Selection, { kind: "sender" }>,
  trust: TrustView,
): boolean {
  if (selection.analysis.kind !== "external" || selection.key === null) return true;
  const { verdict } = state;
  if (verdict.kind === "checking") return false;
  const needsDraft = verdict.kind === "missing" && !verdict.holder;
  const person = personFor(state, selection.key);
  if (needsDraft && person.draft === null && !state.prefillFailed) return false;
  return trust.kind !== "checking";
}

export interface SenderViewProps {
  state: PaneState;
  selection: Extract<Selection, { kind: "sender" }>;
  controller: PaneController;
  /** The pane's services: with them, proposals are offered and read (src/taskpane/proposals/); a proposal's own view passes none. */
  services?: PaneServices;
  /** The Add button's words when not "Add to address book" (a proposal's Approve). */
  addLabel?: string;
  /** In place of the sender check line (a proposal's reported check). */
  trustLine?: JSX.Element;
  /** The sender card's region name when not "Sender" (a proposal's proposed person). */
  cardLabel?: string;
}

export function SenderView({
  state,
  selection,
  controller,
  services,
  addLabel,
  trustLine,
  cardLabel,
}: SenderViewProps): JSX.Element {
  const styles = useStyles();
  // Set when the person clicks Add, so that the view replacing the button takes the focus.
  const addClicked = useRef(false);
  const { analysis, key } = selection;
  const person = personFor(state, key);
  const { verdict, lookupFailure } = state;
  const external = analysis.kind === "external";
  const company = companyLine(external, verdict, person);
  const retryWait = person.retryWaits.at(-1);
  const verdictShown = verdict.kind === "missing" || verdict.kind === "exists";
  const trust = useTrustView(controller);
  const settled = senderSettled(state, selection, trust);
  const domain = analysis.address?.displayDomain ?? "";
  useEffect(() => {
    // No click can need the after-click views before a verdict; from now on one may.
    if (verdictShown) prefetchAfterClickViews();
  }, [verdictShown]);

  const lookupTarget = { kind: "lookup", generation: state.generation } as const;
  const lookupError = lookupFailure ? (
    <ErrorBar
      failure={lookupFailure}
      title={strings.errors.whileLookingUp}
      onRetry={() => controller.retry(lookupTarget)}
      onSignIn={() => void controller.signInAndRetry(lookupTarget)}
    />
  ) : null;

  // The sender check comes after the verdict (its chunk loads once the first lookup has
  // settled): it is shown below the primary action, once the pane has settled.
  const trustElement = external && settled ? (trustLine ?? <TrustLine view={trust} domain={domain} />) : null;
  return (
    <>
      <SenderCard
        analysis={analysis}
        company={company}
        verdict={verdictKind(analysis.kind, verdict, person)}
        {...(cardLabel ? { label: cardLabel } : {})}
      />
      {retryWait ? <RetryNoticeBar wait={retryWait} /> : null}
      {external && key !== null ? (
        <ExternalSenderBody
          state={state}
          analysis={analysis}
          person={person}
          personKey={key}
          trust={trust}
          domain={domain}
          controller={controller}
          addClicked={addClicked}
          services={services}
          addLabel={addLabel}
          settled={settled}
          trustLine={trustElement}
        />
      ) : (
        <SenderNoteOrProposal
          note={<Text className={styles.reason}>{senderReason(analysis.reason)}</Text>}
          internal={analysis.kind === "internal"}
          services={services}
          controller={controller}
        />
      )}
      {lookupError}
      {/* No verdict to act on: the check's line goes below the error, which came first. */}
      {verdict.kind === "unknown" ? trustElement : null}
    </>
  );
}

/**
 * Why a sender offers no Add; for a colleague's message, the proposal it may hold instead
 * (the note, "colleagues are already in the address list", would be noise above a proposal).
 */
function SenderNoteOrProposal({
  note,
  internal,
  services,
  controller,
}: {
  note: JSX.Element;
  internal: boolean;
  services: PaneServices | undefined;
  controller: PaneController;
}): JSX.Element {
  return internal && services ? (
    <ProposalsSlot services={services} announcements={controller.announcements} senderNote={note} />
  ) : (
    note
  );
}

interface ExternalSenderBodyProps {
  state: PaneState;
  analysis: SenderAnalysis;
  person: PersonState;
  personKey: string;
  trust: TrustView;
  domain: string;
  controller: PaneController;
  addClicked: { current: boolean };
  services: PaneServices | undefined;
  addLabel: string | undefined;
  /** senderSettled: the parts that arrive after the verdict may be shown. */
  settled: boolean;
  /** The sender check's line (null until settled), placed right below the primary action. */
  trustLine: ReactNode;
}

function ExternalSenderBody({
  state,
  analysis,
  person,
  personKey,
  trust,
  domain,
  controller,
  addClicked,
  services,
  addLabel,
  settled,
  trustLine,
}: ExternalSenderBodyProps): JSX.Element | null {
  const styles = useStyles();
  const { verdict } = state;
  const { draft } = person;
  const readOnly = !state.writeAllowed;
  // Without the role a refused promotion shows no progress list: the verdict and the note say it all.
  const promotion =
    readOnly && person.promotion?.phase === "failed" && promotionRefused(person.promotion)
      ? null
      : person.promotion;
  const readOnlyNote = readOnly ? (
    <UntitledMessageBar intent="info" layout="multiline">
      <MessageBarBody>{strings.errors.readOnlyAccount(EXCHANGE_WRITE_ROLES)}</MessageBarBody>
    </UntitledMessageBar>
  ) : null;

  if (verdict.kind === "exists") {
    const editTarget = { kind: "edit", key: personKey } as const;
    return (
      <>
        {readOnlyNote}
        <ExistingContactPanel
          canChange={!readOnly}
          contact={verdict.contact}
          edit={person.edit}
          justAdded={promotion?.phase === "done" ? { alreadyExisted: promotion.alreadyExisted } : null}
          focusOnMount={promotion?.phase === "done" && addClicked.current}
          onSaveMailTip={(mailTip) => controller.saveMailTip(mailTip)}
          onSetShown={(shown) => void controller.setShownInAddressBook(shown)}
          onRetry={() => controller.retry(editTarget)}
          onSignIn={() => void controller.signInAndRetry(editTarget)}
        />
        {trustLine}
      </>
    );
  }

  if (promotion && promotion.phase !== "done" && draft) {
    const promotionTarget = { kind: "promotion", key: personKey } as const;
    const created = draftLocked(promotion);
    return (
      <>
        <AfterClickView>
          {({ PromoteProgress }) => (
            <PromoteProgress
              promotion={promotion}
              focusOnMount={addClicked.current}
              onFinish={() => {
                addClicked.current = true;
                controller.retry(promotionTarget);
              }}
              onSignIn={() => void controller.signInAndRetry(promotionTarget)}
            />
          )}
        </AfterClickView>
        <PromoteForm
          draft={draft}
          errors={validateDraft(draft)}
          detailsOpen={person.detailsOpen}
          readOnly={created}
          // Refused for good (the address is someone else's, no role): Add could only fail again.
          showAddButton={!created && !promotionRefused(promotion)}
          busy={promotion.phase === "running"}
          onToggleDetails={(open) => controller.setDetailsOpen(open)}
          onChange={(changes) => controller.updateDraft(changes)}
          trust={trust}
          domain={domain}
          cautions={analysis.cautions}
          settled={settled}
          trustLine={trustLine}
          {...(addLabel ? { addLabel } : {})}
          onAdd={(confirmed) => {
            addClicked.current = true;
            controller.promote({ confirmed });
          }}
        />
      </>
    );
  }

  if (verdict.kind === "missing" && verdict.holder) {
    // Someone else has the address: say who, instead of an Add that could only fail.
    return (
      <>
        <AddressHolderNote holder={verdict.holder} />
        {trustLine}
      </>
    );
  }

  if (verdict.kind === "missing") {
    return (
      <>
        {readOnlyNote}
        <PromoteForm
          draft={draft}
          errors={draft ? validateDraft(draft) : []}
          detailsOpen={person.detailsOpen}
          readOnly={false}
          showAddButton={!readOnly}
          busy={false}
          prefillFailed={state.prefillFailed}
          onRetryPrefill={() => controller.retryPrefill()}
          onToggleDetails={(open) => controller.setDetailsOpen(open)}
          onChange={(changes) => controller.updateDraft(changes)}
          trust={trust}
          domain={domain}
          cautions={analysis.cautions}
          settled={settled}
          trustLine={trustLine}
          {...(addLabel ? { addLabel } : {})}
          onAdd={(confirmed) => {
            addClicked.current = true;
            controller.promote({ confirmed });
          }}
        />
        {readOnly && services ? (
          <ProposalsSlot services={services} draft={draft} analysis={analysis} trust={trust} />
        ) : null}
      </>
    );
  }

  if (verdict.kind === "checking") {
    return (
      <Skeleton className={styles.placeholder} aria-label={strings.verdict.checking}>
        <SkeletonItem size={32} />
        <SkeletonItem size={16} />
      </Skeleton>
    );
  }
  return null;
}

/**
 * The contact's company when it exists (no line when it has none), else the guess for an
 * external sender; undefined while the guess is being made (the card keeps the line's place).
 */
function companyLine(
  external: boolean,
  verdict: PaneState["verdict"],
  person: PersonState,
): string | null | undefined {
  if (!external) return null;
  if (verdict.kind === "exists") return verdict.contact.company || null;
  if (!person.draft) return undefined;
  return person.draft.company || strings.sender.noCompany;
}

function verdictKind(senderKind: string, shown: PaneState["verdict"], person: PersonState): VerdictKind {
  const verdict = shown.kind;
  switch (senderKind) {
    case "internal":
      return "internal";
    case "automated":
      return "automated";
    case "unusable":
      return "unusable";
  }
  const { promotion } = person;
  if (verdict !== "exists" && promotion?.phase === "running") return "adding";
  if (verdict !== "exists" && promotion?.phase === "failed") {
    if (createConfirmed(promotion.state)) return "incomplete";
    if (promotion.state.createOutcomeUnknown) return "uncertain";
    const { error } = promotion.failure;
    return error.kind === "conflict" && error.reason === "address-held-by" ? "held" : "missing";
  }
  switch (verdict) {
    case "checking":
      return "checking";
    case "exists":
      return shown.kind === "exists" && shown.contact.hiddenFromAddressLists ? "exists-hidden" : "exists";
    case "missing":
      return shown.kind === "missing" && shown.holder ? "held" : "missing";
    default:
      return "unknown";
  }
}
