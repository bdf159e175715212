/**
 * A stand-in for the part of Office.js the task pane uses in Outlook, for the demo and
 * the e2e tests: the pane's own build runs unchanged, only Microsoft's CDN script is
 * replaced by this one.
 *
 * Same shapes and the same asynchrony as Office.js in Outlook on the web: onReady
 * resolves (later, never synchronously) with { host: "Outlook", platform: "OfficeOnline" },
 * enum values are Office.js's own strings, addHandlerAsync answers through an
 * AsyncResult callback on a later task, and ItemChanged fires after `mailbox.item` has
 * been swapped. The mailbox state comes from the Outlook stand-in page (the parent
 * window) over the bridge (./bridge-protocol.ts).
 */
import {
  BRIDGE_CHANNEL,
  isPageToPaneMessage,
  type PageToPaneMessage,
  type PaneToPageMessage,
  type StandInEmailAddress,
  type StandInItem,
  type StandInMailboxContext,
  type StandInCompose,
  type StandInTheme,
} from "./bridge-protocol";

/** How the stand-in talks to the page: postMessage to the parent in the browser, a pair of queues in tests. */
export interface BridgeTransport {
  post(message: PaneToPageMessage): void;
  subscribe(listener: (message: PageToPaneMessage) => void): () => void;
}

/** The stand-in's transport to the parent window; null when the pane is not in a frame (opened directly). */
export function parentWindowTransport(win: Window): BridgeTransport | null {
  if (win.parent === win) return null;
  const origin = win.location.origin;
  return {
    post(message) {
      win.parent.postMessage(message, origin);
    },
    subscribe(listener) {
      const onMessage = (event: MessageEvent) => {
        if (event.origin !== origin || event.source !== win.parent) return;
        if (isPageToPaneMessage(event.data)) listener(event.data);
      };
      win.addEventListener("message", onMessage);
      return () => win.removeEventListener("message", onMessage);
    },
  };
}

/** Office.js's runtime enum values (strings, as in office.js itself). */
export const EVENT_TYPE = {
  ItemChanged: "olkItemSelectedChanged",
  OfficeThemeChanged: "officeThemeChanged",
  SelectedItemsChanged: "olkSelectedItemsChanged",
} as const;

const ASYNC_RESULT_STATUS = { Succeeded: "succeeded", Failed: "failed" } as const;
const COERCION_TYPE = { Text: "text", Html: "html" } as const;
const HOST_TYPE = { Outlook: "Outlook" } as const;
const PLATFORM_TYPE = { OfficeOnline: "OfficeOnline" } as const;
const ITEM_TYPE = { Message: "message", Appointment: "appointment" } as const;
const RECIPIENT_TYPE = {
  DistributionList: "distributionList",
  User: "user",
  ExternalUser: "externalUser",
  Other: "other",
} as const;

/**
 * Requirement sets the stand-in honours, as Outlook on the web reports them (1.15: item
 * multi-select with loadItemByIdAsync). NestedAppAuth is deliberately absent: the stand-in has
 * no identity runtime, and the demo uses a fixed token.
 */
const SUPPORTED_REQUIREMENT_SETS: Readonly<Record<string, string>> = {
  mailbox: "1.15",
};

interface AsyncResult<T> {
  status: (typeof ASYNC_RESULT_STATUS)[keyof typeof ASYNC_RESULT_STATUS];
  value: T;
  error: { name: string; message: string; code: number } | undefined;
  asyncContext: unknown;
}

type AsyncCallback<T> = (result: AsyncResult<T>) => void;
/** Office's `(options?, callback)` arguments: the callback, and the asyncContext its result echoes. */
function asyncArguments<T>(
  optionsOrCallback: { asyncContext?: unknown } | AsyncCallback<T> | undefined,
  maybeCallback: AsyncCallback<T> | undefined,
): { callback: AsyncCallback<T> | undefined; asyncContext: unknown } {
  return typeof optionsOrCallback === "function"
    ? { callback: optionsOrCallback, asyncContext: undefined }
    : { callback: maybeCallback, asyncContext: optionsOrCallback?.asyncContext };
}
type EventHandler = (eventArgs: { type: string; officeTheme?: StandInTheme }) => void;

interface ReadyInfo {
  host: string | null;
  platform: string | null;
}

/** Compares dotted versions numerically ("1.10" > "1.9"). */
export function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

function emailAddressDetails(address: StandInEmailAddress): Readonly<StandInEmailAddress> {
  return Object.freeze({ ...address });
}

/** The read-mode item object as Office.js shapes it: messages have from/sender, appointments an organizer. */
/** An address from displayNewMessageForm's recipients: a string or an EmailAddressDetails. */
function recipientAddress(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null) {
    const address = (value as { emailAddress?: unknown }).emailAddress;
    if (typeof address === "string") return address;
  }
  return null;
}

function officeItem(
  item: StandInItem,
  later: (callback: () => void) => void,
  compose: (form: StandInCompose) => void,
): Readonly<Record<string, unknown>> {
  const common = {
    itemType: item.itemType,
    itemId: item.itemId,
    itemClass: item.itemClass,
    subject: item.subject,
    normalizedSubject: item.subject.replace(/^((re|fw|fwd):\s*)+/i, ""),
    dateTimeCreated: new Date(item.dateTimeCreated),
    dateTimeModified: new Date(item.dateTimeCreated),
  };
  if (item.itemType === ITEM_TYPE.Appointment) {
    return Object.freeze({
      ...common,
      organizer: item.organizer ? emailAddressDetails(item.organizer) : null,
      requiredAttendees: Object.freeze(item.to.map(emailAddressDetails)),
      optionalAttendees: Object.freeze(item.cc.map(emailAddressDetails)),
    });
  }
  return Object.freeze({
    ...common,
    /** Mailbox 1.8; answers on a later task, as Outlook does, with the whole header block. */
    getAllInternetHeadersAsync(
      optionsOrCallback?: { asyncContext?: unknown } | AsyncCallback<string>,
      maybeCallback?: AsyncCallback<string>,
    ): void {
      const { callback, asyncContext } = asyncArguments(optionsOrCallback, maybeCallback);
      const headers = item.internetHeaders;
      if (callback)
        later(() =>
          callback({ status: ASYNC_RESULT_STATUS.Succeeded, value: headers, error: undefined, asyncContext }),
        );
    },
    /** body.getAsync(coercionType, [options], callback): the text body, on a later task. */
    body: Object.freeze({
      getAsync(
        coercionType: string,
        optionsOrCallback?: { asyncContext?: unknown } | AsyncCallback<string>,
        maybeCallback?: AsyncCallback<string>,
      ): void {
        const { callback, asyncContext } = asyncArguments(optionsOrCallback, maybeCallback);
        if (!callback) return;
        const text = item.bodyText ?? "";
        // The stand-in keeps text bodies only; asked for HTML it answers the text as one paragraph.
        const value =
          coercionType === COERCION_TYPE.Html
            ? `<p>${text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`
            : text;
        later(() =>
          callback({ status: ASYNC_RESULT_STATUS.Succeeded, value, error: undefined, asyncContext }),
        );
      },
    }),
    /** Opens a reply form to the sender, as Outlook does; the page shows it. */
    displayReplyForm(formData: string | { htmlBody?: string }): void {
      const htmlBody = typeof formData === "string" ? formData : (formData?.htmlBody ?? "");
      compose({
        kind: "reply",
        to: item.from ? [item.from.emailAddress] : [],
        subject: /^re:/i.test(item.subject) ? item.subject : `RE: ${item.subject}`,
        htmlBody,
      });
    },
    from: item.from ? emailAddressDetails(item.from) : null,
    sender: item.sender ? emailAddressDetails(item.sender) : null,
    to: Object.freeze(item.to.map(emailAddressDetails)),
    cc: Object.freeze(item.cc.map(emailAddressDetails)),
  });
}

export interface OfficeStandInOptions {
  /** Null: not in a frame, as when taskpane.html is opened directly in a browser. */
  transport: BridgeTransport | null;
  /** Runs a callback on a later task (setTimeout 0 in the browser). */
  later?: (callback: () => void) => void;
}

/** Builds the `Office` namespace object. `installOfficeStandIn` puts it on the global. */
export function createOfficeStandIn({
  transport,
  later = (callback) => setTimeout(callback, 0),
}: OfficeStandInOptions) {
  const handlers = new Map<string, Set<EventHandler>>();
  const readyCallbacks: Array<(info: ReadyInfo) => void> = [];
  let readyInfo: ReadyInfo | null = null;
  /** Item multi-select: what the page has selected, and the one item loadItemByIdAsync holds. */
  let selectedItems: StandInItem[] = [];
  let loadedItemId: string | null = null;

  const mailbox = {
    item: null as Readonly<Record<string, unknown>> | null,
    userProfile: {
      displayName: "",
      emailAddress: "",
      timeZone: "UTC",
      accountType: "enterprise",
    } as StandInMailboxContext["userProfile"],
    diagnostics: { hostName: "OutlookWebApp", hostVersion: "16.0", OWAView: "ThreeColumns" },

    /** Mailbox 1.0: opens a new message form; the page shows it, the person sends or discards it. */
    displayNewMessageForm(parameters: {
      toRecipients?: unknown[];
      subject?: string;
      htmlBody?: string;
    }): void {
      compose({
        kind: "new",
        to: (parameters?.toRecipients ?? []).map(recipientAddress).filter((a): a is string => a !== null),
        subject: parameters?.subject ?? "",
        htmlBody: parameters?.htmlBody ?? "",
      });
    },

    addHandlerAsync(
      eventType: string,
      handler: EventHandler,
      optionsOrCallback?: { asyncContext?: unknown } | AsyncCallback<undefined>,
      maybeCallback?: AsyncCallback<undefined>,
    ): void {
      const { callback, asyncContext } = asyncArguments(optionsOrCallback, maybeCallback);
      const known = Object.values(EVENT_TYPE) as string[];
      if (!known.includes(eventType) || typeof handler !== "function") {
        respond(callback, failed(asyncContext, "Invalid event type", 5001));
        return;
      }
      const set = handlers.get(eventType) ?? new Set<EventHandler>();
      set.add(handler);
      handlers.set(eventType, set);
      announceHandlers();
      respond(callback, succeeded(asyncContext));
    },

    /** Mailbox 1.13: the selected items' details (no senders: those need loadItemByIdAsync). */
    getSelectedItemsAsync(
      optionsOrCallback?: { asyncContext?: unknown } | AsyncCallback<unknown[]>,
      maybeCallback?: AsyncCallback<unknown[]>,
    ): void {
      const { callback, asyncContext } = asyncArguments(optionsOrCallback, maybeCallback);
      const value = selectedItems.map((item) => ({
        itemId: item.itemId,
        itemType: item.itemType,
        itemMode: "read",
        subject: item.subject,
        hasAttachment: false,
        conversationId: "",
        internetMessageId: "",
      }));
      if (callback)
        later(() =>
          callback({ status: ASYNC_RESULT_STATUS.Succeeded, value, error: undefined, asyncContext }),
        );
    },

    /**
     * Mailbox 1.15: loads one selected item. As Outlook, only one at a time: a second load before
     * unloadAsync fails, so the demo shows a pane that forgets to unload.
     */
    loadItemByIdAsync(
      itemId: string,
      optionsOrCallback?: { asyncContext?: unknown } | AsyncCallback<unknown>,
      maybeCallback?: AsyncCallback<unknown>,
    ): void {
      const { callback, asyncContext } = asyncArguments(optionsOrCallback, maybeCallback);
      if (!callback) return;
      const item = selectedItems.find((candidate) => candidate.itemId === itemId);
      if (loadedItemId !== null || item === undefined) {
        const message =
          loadedItemId !== null ? "Another item is already loaded." : "The item is not selected.";
        later(() =>
          callback({
            status: ASYNC_RESULT_STATUS.Failed,
            value: undefined,
            error: { name: "InvalidSelection", message, code: 9041 },
            asyncContext,
          }),
        );
        return;
      }
      loadedItemId = itemId;
      const loaded = Object.freeze({
        ...officeItem(item, later, compose),
        unloadAsync(done?: AsyncCallback<undefined>) {
          if (loadedItemId === itemId) loadedItemId = null;
          respond(done, succeeded(undefined));
        },
      });
      later(() =>
        callback({ status: ASYNC_RESULT_STATUS.Succeeded, value: loaded, error: undefined, asyncContext }),
      );
    },

    /** Removes every handler of the type, as Office.js does. */
    removeHandlerAsync(
      eventType: string,
      optionsOrCallback?: { asyncContext?: unknown } | AsyncCallback<undefined>,
      maybeCallback?: AsyncCallback<undefined>,
    ): void {
      const { callback, asyncContext } = asyncArguments(optionsOrCallback, maybeCallback);
      handlers.delete(eventType);
      announceHandlers();
      respond(callback, succeeded(asyncContext));
    },
  };

  const context = {
    mailbox,
    displayLanguage: "en-US",
    contentLanguage: "en-US",
    officeTheme: null as StandInTheme | null,
    host: HOST_TYPE.Outlook,
    platform: PLATFORM_TYPE.OfficeOnline,
    diagnostics: { host: HOST_TYPE.Outlook, platform: PLATFORM_TYPE.OfficeOnline, version: "16.0.0.0" },
    requirements: {
      isSetSupported(name: string, minVersion?: string): boolean {
        const supported = SUPPORTED_REQUIREMENT_SETS[name.toLowerCase()];
        if (supported === undefined) return false;
        return minVersion === undefined || compareVersions(supported, minVersion) >= 0;
      },
    },
  };

  const office = {
    context,
    EventType: EVENT_TYPE,
    AsyncResultStatus: ASYNC_RESULT_STATUS,
    CoercionType: COERCION_TYPE,
    HostType: HOST_TYPE,
    PlatformType: PLATFORM_TYPE,
    MailboxEnums: { ItemType: ITEM_TYPE, RecipientType: RECIPIENT_TYPE },
    /** Legacy entry point; called once when ready, as Office.js does. */
    initialize: undefined as ((reason: string) => void) | undefined,
    onReady(callback?: (info: ReadyInfo) => void): Promise<ReadyInfo> {
      return new Promise<ReadyInfo>((resolve) => {
        const deliver = (info: ReadyInfo) => {
          callback?.(info);
          resolve(info);
        };
        if (readyInfo) {
          const info = readyInfo;
          later(() => deliver(info));
        } else {
          readyCallbacks.push(deliver);
        }
      });
    },
  };

  function succeeded(asyncContext: unknown): AsyncResult<undefined> {
    return { status: ASYNC_RESULT_STATUS.Succeeded, value: undefined, error: undefined, asyncContext };
  }

  function failed(asyncContext: unknown, message: string, code: number): AsyncResult<undefined> {
    return {
      status: ASYNC_RESULT_STATUS.Failed,
      value: undefined,
      error: { name: message, message, code },
      asyncContext,
    };
  }

  function respond(callback: AsyncCallback<undefined> | undefined, result: AsyncResult<undefined>): void {
    if (callback) later(() => callback(result));
  }

  function compose(form: StandInCompose): void {
    transport?.post({ channel: BRIDGE_CHANNEL, type: "compose", compose: form });
  }

  function announceHandlers(): void {
    transport?.post({ channel: BRIDGE_CHANNEL, type: "handlers", eventTypes: [...handlers.keys()] });
  }

  function fire(eventType: string, eventArgs: Parameters<EventHandler>[0]): void {
    // Snapshot now: a handler removed before the event is delivered still gets it, as in Office.js.
    const targets = [...(handlers.get(eventType) ?? [])];
    later(() => {
      for (const handler of targets) handler(eventArgs);
    });
  }

  function becomeReady(info: ReadyInfo): void {
    if (readyInfo) return;
    readyInfo = info;
    later(() => {
      office.initialize?.("inserted");
      for (const deliver of readyCallbacks.splice(0)) deliver(info);
    });
  }

  function handle(message: PageToPaneMessage): void {
    switch (message.type) {
      case "init":
        mailbox.userProfile = { ...message.context.userProfile };
        context.displayLanguage = message.context.displayLanguage;
        context.contentLanguage = message.context.displayLanguage;
        context.officeTheme = { ...message.context.theme };
        mailbox.item = message.item ? officeItem(message.item, later, compose) : null;
        selectedItems = message.item ? [message.item] : [];
        becomeReady({ host: HOST_TYPE.Outlook, platform: PLATFORM_TYPE.OfficeOnline });
        return;
      case "select":
        if (!readyInfo) return;
        mailbox.item = message.item ? officeItem(message.item, later, compose) : null;
        fire(EVENT_TYPE.ItemChanged, { type: EVENT_TYPE.ItemChanged });
        return;
      case "selection":
        if (!readyInfo) return;
        selectedItems = [...message.items];
        fire(EVENT_TYPE.SelectedItemsChanged, { type: EVENT_TYPE.SelectedItemsChanged });
        return;
      case "theme":
        if (!readyInfo) return;
        context.officeTheme = { ...message.theme };
        fire(EVENT_TYPE.OfficeThemeChanged, {
          type: EVENT_TYPE.OfficeThemeChanged,
          officeTheme: { ...message.theme },
        });
        return;
    }
  }

  if (transport) {
    transport.subscribe(handle);
    transport.post({ channel: BRIDGE_CHANNEL, type: "hello" });
  } else {
    // Outside Outlook, Office.js still becomes ready, with no host.
    becomeReady({ host: null, platform: null });
  }

  return office;
}

export type OfficeStandIn = ReturnType<typeof createOfficeStandIn>;

/** Installs the stand-in as the global `Office`, in place of Microsoft's script. */
export function installOfficeStandIn(win: Window & typeof globalThis): OfficeStandIn {
  const office = createOfficeStandIn({ transport: parentWindowTransport(win) });
  (win as unknown as { Office: OfficeStandIn }).Office = office;
  return office;
}
