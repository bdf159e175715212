/**
 * The Outlook stand-in page: demo controls on top; the inbox, the reading pane with the
 * live address book below it, and the add-in's task pane on the right.
 */
import {
  Avatar,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { GridDots20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ContactRecord } from "../../admin-api/wire";
import { DARK_THEME, LIGHT_THEME, type StandInCompose, type StandInMailboxContext } from "../bridge-protocol";
import {
  taskpaneUrl,
  type DemoBackend,
  type DemoFaultName,
  type DemoRole,
  SLOW_NETWORK_LATENCY_MS,
  unfiredFault,
} from "../demo-routes";
import type { DemoMailbox, DemoMessage } from "../fixtures";
import type { TrustPolicy } from "../../contacts/trust/policy";
import { AddinPane } from "./AddinPane";
import { AddressBook } from "./AddressBook";
import { ComposePanel } from "./ComposePanel";
import { deliveredMessage } from "./sent-mail";
import {
  clearFaults,
  fetchAddressBook,
  fetchFaultReports,
  fetchMailbox,
  fetchRequestLog,
  fetchSession,
  injectFault,
  resetDemo,
  setBackend,
  setLatency,
  setRole,
} from "./demo-api";
import { DemoControls } from "./DemoControls";
import { demoText, type DemoLanguage } from "./demo-strings";
import { MessageList, type SelectMode } from "./MessageList";
import { PaneBridge, type PaneBridgeState } from "./pane-bridge";
import { ReadingPane } from "./ReadingPane";
import { usePolling } from "./use-polling";

const POLL_INTERVAL_MS = 1000;

type DemoUser = DemoMailbox["user"];

/** Whose mailbox the page shows: the admin's, or the colleague's when the user without a role is signed in. */
function mailboxOf(mailbox: DemoMailbox, role: DemoRole): { user: DemoUser; messages: DemoMessage[] } {
  return role === "readonly" && mailbox.colleague ? mailbox.colleague : mailbox;
}

function contextFor(user: DemoUser): StandInMailboxContext {
  return {
    userProfile: { ...user, timeZone: "UTC", accountType: "enterprise" },
    displayLanguage: "en-US",
    theme: LIGHT_THEME,
  };
}

/** A message delivered on the page, with the mailbox (address, lower case) it was delivered to. */
interface Delivered {
  owner: string;
  message: DemoMessage;
}

const useStyles = makeStyles({
  shell: { display: "flex", flexDirection: "column", height: "100vh", minHeight: 0 },
  appBar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    height: "48px",
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    flexShrink: 0,
  },
  appName: { flexGrow: 1, color: tokens.colorNeutralForegroundOnBrand },
  user: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  userText: { color: tokens.colorNeutralForegroundOnBrand },
  main: { display: "flex", flexGrow: 1, minHeight: 0 },
  inbox: { width: "340px", flexShrink: 0, display: "flex", minHeight: 0 },
  center: {
    display: "grid",
    gridTemplateRows: "minmax(0, 1fr) minmax(0, 1fr)",
    flexGrow: 1,
    minWidth: 0,
    minHeight: 0,
    rowGap: tokens.strokeWidthThin,
    backgroundColor: tokens.colorNeutralStroke2,
  },
  centerState: { margin: tokens.spacingHorizontalXXL },
});

export function HarnessApp() {
  const styles = useStyles();
  const [mailbox, setMailbox] = useState<DemoMailbox | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  /** Every selected message, in the order selected (Ctrl/Shift-click: item multi-select). */
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  /** The item the pane's Office.context.mailbox.item holds (multi-select leaves it as it was). */
  const paneItemId = useRef<string | null>(null);
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());
  const [pinned, setPinned] = useState(true);
  const [dark, setDark] = useState(false);
  const [language, setLanguage] = useState<DemoLanguage>("en-US");
  // The demo's own words follow its Language switch, as the pane does; the page mirrors for RTL.
  const speech = demoText(language);
  const text = speech.text;
  // The status line's sentences are worded when they happen, in the language of that moment.
  const textRef = useRef(text);
  textRef.current = text;
  useEffect(() => {
    document.documentElement.lang = speech.language;
    document.documentElement.dir = speech.direction;
  }, [speech.language, speech.direction]);
  const [role, setRoleState] = useState<DemoRole>("admin");
  const [backend, setBackendState] = useState<DemoBackend>("admin-center");
  const [trustPolicy, setTrustPolicy] = useState<TrustPolicy>("warn");
  const [slowNetwork, setSlowNetwork] = useState(false);
  const [status, setStatus] = useState("");
  const [bridgeState, setBridgeState] = useState<PaneBridgeState>({ handlers: [], loads: 0 });
  const [baselineIds, setBaselineIds] = useState<ReadonlySet<string> | null>(null);
  const [compose, setCompose] = useState<StandInCompose | null>(null);
  const [delivered, setDelivered] = useState<readonly Delivered[]>([]);
  const sentCount = useRef(0);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const bridgeRef = useRef<PaneBridge | null>(null);
  const now = useMemo(() => new Date(), []);

  const contacts = usePolling<ContactRecord[]>(fetchAddressBook, [], POLL_INTERVAL_MS);
  const requests = usePolling(fetchRequestLog, [], POLL_INTERVAL_MS);
  const faultReports = usePolling(fetchFaultReports, [], POLL_INTERVAL_MS);
  const refreshLive = useCallback(() => {
    void contacts.refresh();
    void requests.refresh();
    void faultReports.refresh();
  }, [contacts, requests, faultReports]);

  // A promotion switch that ended without failing anything says so in the status line.
  const reportsSeen = useRef(0);
  useEffect(() => {
    const reports = faultReports.value;
    if (reports.length < reportsSeen.current) reportsSeen.current = 0; // the demo was reset
    const fresh = reports.slice(reportsSeen.current);
    reportsSeen.current = reports.length;
    const unfired = fresh.map(unfiredFault).filter((fault) => fault !== null);
    const last = unfired[unfired.length - 1];
    if (last !== undefined) {
      const words = textRef.current;
      setStatus(words.status.unfired(words.faults[last.name].label, last.why));
    }
  }, [faultReports.value]);

  // The contacts present at the first load (and after a reset) are the seed; the rest are new.
  useEffect(() => {
    if (baselineIds === null && !contacts.failed && contacts.value.length > 0) {
      setBaselineIds(new Set(contacts.value.map((contact) => contact.ContactId)));
    }
  }, [baselineIds, contacts.value, contacts.failed]);

  useEffect(() => {
    let cancelled = false;
    Promise.all([fetchMailbox(), fetchSession()])
      .then(([loaded, session]) => {
        if (cancelled) return;
        // The signed-in person survives a page reload on the server: their mailbox is shown.
        const shown = mailboxOf(loaded, session.role);
        const first = shown.messages[0] ?? null;
        const context = contextFor(shown.user);
        bridgeRef.current = new PaneBridge({
          frame: {
            window: () => frameRef.current?.contentWindow ?? null,
            reload: () => frameRef.current?.contentWindow?.location.reload(),
          },
          origin: window.location.origin,
          context,
          item: first?.item ?? null,
          onStateChanged: setBridgeState,
          onCompose: setCompose,
        });
        setRoleState(session.role);
        setBackendState(session.backend);
        setSelectedId(first?.id ?? null);
        setSelectedIds(first ? [first.id] : []);
        paneItemId.current = first?.id ?? null;
        setMailbox(loaded);
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadError(error instanceof Error ? error.message : textRef.current.serverSilent);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => bridgeRef.current?.receive(event);
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);

  const shownMailbox = mailbox ? mailboxOf(mailbox, role) : null;
  const currentUser = shownMailbox?.user ?? null;
  const messages = useMemo(() => {
    if (!shownMailbox) return [];
    const owner = shownMailbox.user.emailAddress.toLowerCase();
    const arrived = delivered.filter((entry) => entry.owner === owner).map((entry) => entry.message);
    return [...arrived, ...shownMailbox.messages];
  }, [shownMailbox, delivered]);

  /** Another person signs in: their mailbox, its first message, and a pane that starts afresh. */
  const switchMailbox = (next: DemoRole) => {
    if (!mailbox) return;
    const shown = mailboxOf(mailbox, next);
    const owner = shown.user.emailAddress.toLowerCase();
    const first = delivered.find((entry) => entry.owner === owner)?.message ?? shown.messages[0] ?? null;
    bridgeRef.current?.setMailbox(contextFor(shown.user), first?.item ?? null);
    setSelectedId(first?.id ?? null);
    setSelectedIds(first ? [first.id] : []);
    paneItemId.current = first?.id ?? null;
    setCompose(null);
  };

  const send = (mail: { to: string[]; subject: string; body: string }) => {
    if (!mailbox || !currentUser) return;
    const people = [mailbox.user, ...(mailbox.colleague ? [mailbox.colleague.user] : [])];
    const to = mail.to.map(
      (address) =>
        people.find((person) => person.emailAddress.toLowerCase() === address.toLowerCase()) ?? {
          displayName: "",
          emailAddress: address,
        },
    );
    sentCount.current += 1;
    const message = deliveredMessage({
      from: currentUser,
      to,
      subject: mail.subject,
      body: mail.body,
      sentAt: new Date(),
      id: `sent-${sentCount.current}`,
    });
    const owners = to
      .map((recipient) => recipient.emailAddress.toLowerCase())
      .filter((owner) => people.some((person) => person.emailAddress.toLowerCase() === owner));
    setDelivered((previous) => [...owners.map((owner) => ({ owner, message })), ...previous]);
    setCompose(null);
    const names = to.map((recipient) => recipient.displayName || recipient.emailAddress).join(", ");
    setStatus(owners.length > 0 ? text.status.sentTo(names) : text.status.sentOutside(names));
  };

  const select = (id: string | null, mode: SelectMode = "single") => {
    const message = messages.find((candidate) => candidate.id === id) ?? null;
    let next: string[];
    if (message === null) next = [];
    else if (mode === "toggle")
      next = selectedIds.includes(message.id)
        ? selectedIds.filter((selected) => selected !== message.id)
        : [...selectedIds, message.id];
    else if (mode === "range" && selectedId !== null) {
      const from = messages.findIndex((candidate) => candidate.id === selectedId);
      const to = messages.findIndex((candidate) => candidate.id === message.id);
      next = messages.slice(Math.min(from, to), Math.max(from, to) + 1).map((candidate) => candidate.id);
    } else next = [message.id];
    const several = next.length > 1;
    // The focused message stays where a range started; a toggle focuses what it touched.
    const focused = several && mode === "range" ? selectedId : (message?.id ?? null);
    const focusedNext = focused !== null && next.includes(focused) ? focused : (next[0] ?? null);
    if (message) setReadIds((previous) => new Set(previous).add(message.id));
    setSelectedIds(next);
    setSelectedId(focusedNext);
    // One message (or none): Outlook's ItemChanged, when it is not the item the pane already has.
    if (!several && focusedNext !== paneItemId.current) {
      paneItemId.current = focusedNext;
      const single = messages.find((candidate) => candidate.id === focusedNext) ?? null;
      bridgeRef.current?.select(single?.item ?? null);
    }
    if (several || selectedIds.length > 1) {
      bridgeRef.current?.selectItems(
        next.flatMap((selected) => messages.find((candidate) => candidate.id === selected)?.item ?? []),
      );
    }
  };

  const changePinned = (next: boolean) => {
    setPinned(next);
    bridgeRef.current?.setPinned(next);
  };

  const changeLanguage = (next: DemoLanguage) => {
    setLanguage(next);
    bridgeRef.current?.setDisplayLanguage(next);
    const words = demoText(next).text;
    setStatus(words.status.language(words.languages[next], next));
  };

  const changeDark = (next: boolean) => {
    setDark(next);
    bridgeRef.current?.setTheme(next ? DARK_THEME : LIGHT_THEME);
  };

  const reloadPane = () => frameRef.current?.contentWindow?.location.reload();

  /** Runs a switch's call and reports the outcome in the status line. */
  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setStatus(done);
    } catch (error) {
      setStatus(
        error instanceof Error
          ? textRef.current.status.failed(error.message)
          : textRef.current.status.failedSilently,
      );
    }
    refreshLive();
  };

  const changeRole = (next: DemoRole) =>
    act(async () => {
      const session = await setRole(next);
      setRoleState(session.role);
      switchMailbox(session.role);
      // Another person signing in means a new Outlook session: the pane starts afresh.
      reloadPane();
    }, text.status.signedIn[next]);

  const changeBackend = (next: DemoBackend) =>
    act(async () => {
      const session = await setBackend(next);
      // As after a new deployment built with ADDIN_BACKEND: the pane loads afresh (new URL).
      setBackendState(session.backend);
    }, text.status.backend(text.backends[next]));

  const inject = (name: DemoFaultName) =>
    act(() => injectFault(name), text.status.armed(text.faults[name].description));

  const changeSlowNetwork = (slow: boolean) =>
    act(
      async () => {
        await setLatency(slow ? SLOW_NETWORK_LATENCY_MS : 0);
        setSlowNetwork(slow);
      },
      slow ? text.status.slow(SLOW_NETWORK_LATENCY_MS / 1000) : text.status.fast,
    );

  const reset = () =>
    act(async () => {
      await resetDemo();
      setRoleState("admin");
      setDelivered([]);
      switchMailbox("admin");
      setTrustPolicy("warn");
      setSlowNetwork(false);
      // The seed as it is now, not the list polled before the reset (which would mark it all "New").
      const seeded = await fetchAddressBook();
      setBaselineIds(new Set(seeded.map((contact) => contact.ContactId)));
      reloadPane();
    }, text.status.reset);

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} dir={speech.direction}>
      <div className={styles.shell}>
        <header className={styles.appBar}>
          <GridDots20Regular aria-hidden />
          <Text weight="semibold" size={400} className={styles.appName}>
            Outlook{" "}
            <Text size={200} className={styles.userText}>
              · {text.standIn}
            </Text>
          </Text>
          {currentUser && (
            <div className={styles.user}>
              <Text size={200} className={styles.userText}>
                {currentUser.displayName} · {text.roleShort[role]}
              </Text>
              <Avatar name={currentUser.displayName} size={28} color="brand" aria-hidden />
            </div>
          )}
        </header>
        <DemoControls
          role={role}
          onRoleChange={(next) => void changeRole(next)}
          backend={backend}
          onBackendChange={(next) => void changeBackend(next)}
          trustPolicy={trustPolicy}
          onTrustPolicyChange={(next) => {
            // The pane's iframe address carries it; a new address reloads the pane.
            setTrustPolicy(next);
            setStatus(text.status.trustPolicy(next));
          }}
          onInjectFault={(name) => void inject(name)}
          onClearFaults={() => void act(clearFaults, text.status.faultsCleared)}
          slowNetwork={slowNetwork}
          onSlowNetworkChange={(slow) => void changeSlowNetwork(slow)}
          dark={dark}
          onDarkChange={changeDark}
          language={language}
          onLanguageChange={changeLanguage}
          onReset={() => void reset()}
          status={status}
          text={text}
        />
        {loadError ? (
          <MessageBar intent="error" className={styles.centerState}>
            <MessageBarBody>{text.loadFailed(loadError)}</MessageBarBody>
          </MessageBar>
        ) : !mailbox ? (
          <Spinner className={styles.centerState} label={text.loading} />
        ) : (
          <main className={styles.main}>
            <div className={styles.inbox}>
              <MessageList
                messages={messages}
                selectedId={selectedId}
                selectedIds={new Set(selectedIds)}
                readIds={readIds}
                now={now}
                onSelect={select}
              />
            </div>
            <div className={styles.center}>
              {compose && currentUser ? (
                <ComposePanel
                  // A new form starts afresh, even when the last one was not sent.
                  key={`${compose.kind}:${compose.subject}:${compose.htmlBody.length}`}
                  compose={compose}
                  from={`${currentUser.displayName} <${currentUser.emailAddress}>`}
                  onSend={send}
                  onDiscard={() => setCompose(null)}
                />
              ) : (
                <ReadingPane message={messages.find((message) => message.id === selectedId) ?? null} />
              )}
              <AddressBook
                contacts={contacts.value}
                baselineIds={baselineIds ?? new Set(contacts.value.map((contact) => contact.ContactId))}
                requests={requests.value}
                unavailable={contacts.failed}
              />
            </div>
            <AddinPane
              ref={frameRef}
              src={taskpaneUrl({ backend, trustPolicy })}
              pinned={pinned}
              onPinnedChange={changePinned}
              bridgeState={bridgeState}
            />
          </main>
        )}
      </div>
    </FluentProvider>
  );
}
