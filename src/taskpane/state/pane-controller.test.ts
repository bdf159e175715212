/**
 * The controller without React: the generation guard against stale answers, the one
 * automatic retry after throttling (jest fake timers), and sign-in then retry.
 * The directory here is a scripted ContactDirectory: these tests are about timing and
 * ordering that a real server cannot be made to produce on demand.
 */
import { DirectoryError } from "../../contacts/directory-error";
import type { ContactDirectory, MailContact, NewMailContact } from "../../contacts/directory";
import { ContactLookup } from "../../contacts/lookup";
import type { LookupResult } from "../../contacts/workflow-types";
import { moduleLoader, type DraftWorkflow, type ModuleLoader } from "../lazy-modules";
import type { PaneServices } from "../pane-services";
import { RetryNoticeHub } from "../services/retry-notices";
import { FakeMailHost } from "../test-support/fake-mail-host";
import { mailContact } from "../test-support/fixtures";
import * as draftWorkflow from "./draft-workflow";
import { PaneController } from "./pane-controller";
import { personFor, type PaneState } from "./pane-state";

const ANNA = { displayName: "Anna Alvarez", emailAddress: "anna@fabrikam.com" };
const BORIS = { displayName: "Boris Berg", emailAddress: "boris@northwind.example" };
const ORG = { internalDomains: ["contoso.com"], mailTipTemplate: "External contact at {domain}." };

type Answer = MailContact | null | DirectoryError;

/** A directory whose every call waits until the test answers it. */
class ScriptedDirectory implements ContactDirectory {
  readonly searches: Array<{ address: string; answer(value: Answer): void }> = [];
  creates = 0;
  generalUpdates: Array<(value: Answer) => void> = [];

  findByAddress(address: string): Promise<MailContact | null> {
    return new Promise((resolve, reject) => {
      this.searches.push({
        address,
        answer: (value) => (value instanceof DirectoryError ? reject(value) : resolve(value)),
      });
    });
  }
  async create(contact: NewMailContact): Promise<MailContact | null> {
    this.creates += 1;
    return mailContact({
      address: contact.address,
      name: contact.name,
      displayName: contact.displayName,
      company: "",
    });
  }
  updateGeneral(current: MailContact, changes: Partial<MailContact>): Promise<MailContact> {
    return new Promise((resolve, reject) => {
      this.generalUpdates.push((value) =>
        value instanceof DirectoryError ? reject(value) : resolve({ ...current, ...changes }),
      );
    });
  }
  async updateOptions(current: MailContact, changes: Partial<MailContact>): Promise<MailContact> {
    return { ...current, ...changes };
  }
}

/** A lookup that does not cancel older searches: the pane's own guard must then drop their answers. */
class NonSupersedingLookup extends ContactLookup {
  readonly #directory: ContactDirectory;
  constructor(directory: ContactDirectory) {
    super(directory);
    this.#directory = directory;
  }
  override async lookup(address: string): Promise<LookupResult> {
    const contact = await this.#directory.findByAddress(address);
    return contact ? { status: "exists", contact } : { status: "missing" };
  }
}

function setUp(
  options: {
    nonSuperseding?: boolean;
    signInAgain?: () => Promise<void>;
    draftWorkflow?: ModuleLoader<DraftWorkflow>;
  } = {},
) {
  const directory = new ScriptedDirectory();
  const host = new FakeMailHost();
  const retryNotices = new RetryNoticeHub();
  const services: PaneServices = {
    host,
    directory,
    org: ORG,
    signInAgain: options.signInAgain ?? (async () => {}),
    onRetryNotice: retryNotices.subscribe,
  };
  const controller = new PaneController(services, {
    lookup: options.nonSuperseding ? new NonSupersedingLookup(directory) : undefined,
    // By default the workflow has arrived, as it has for every sender after the pane's first.
    draftWorkflow: options.draftWorkflow ?? arrivedDraftWorkflow,
  });
  const states: PaneState[] = [];
  controller.subscribe(() => states.push(controller.getState()));
  controller.start();
  return { directory, host, controller, states, retryNotices };
}

const arrivedDraftWorkflow: ModuleLoader<DraftWorkflow> = {
  load: async () => draftWorkflow,
  loaded: () => draftWorkflow,
};

/** The draft workflow's download, answered by the test: arrive() or fail() the pending import. */
function downloadingDraftWorkflow() {
  const pending: Array<{ resolve(module: DraftWorkflow): void; reject(error: Error): void }> = [];
  const loader = moduleLoader(
    () => new Promise<DraftWorkflow>((resolve, reject) => pending.push({ resolve, reject })),
  );
  return {
    loader,
    imports: () => pending.length,
    arrive: () => pending.at(-1)?.resolve(draftWorkflow),
    fail: () => pending.at(-1)?.reject(new Error("ChunkLoadError: Loading chunk prefill failed.")),
  };
}

const flush = () =>
  new Promise<void>((resolve) => jest.requireActual<typeof import("timers")>("timers").setImmediate(resolve));

function senderOf(state: PaneState): string | null {
  return state.selection.kind === "sender" ? state.selection.analysis.displayName : null;
}

afterEach(() => {
  jest.useRealTimers();
});

test("answers for earlier selections are dropped even when the lookup does not cancel them", async () => {
  const { directory, host, controller, states } = setUp({ nonSuperseding: true });
  host.selectMessage(ANNA);
  host.selectMessage(BORIS);
  const [annaSearch, borisSearch] = directory.searches;
  borisSearch?.answer(null);
  await flush();
  annaSearch?.answer(mailContact({ address: ANNA.emailAddress }));
  await flush();

  expect(senderOf(controller.getState())).toBe("Boris Berg");
  expect(controller.getState().verdict).toEqual({ kind: "missing" });
  // Never Boris on screen with a contact (only Anna has one).
  expect(
    states.filter((state) => senderOf(state) === "Boris Berg" && state.verdict.kind === "exists"),
  ).toEqual([]);
  controller.stop();
});

test("throttled lookup: one automatic retry when the server said, none after that", async () => {
  jest.useFakeTimers({ doNotFake: ["setImmediate", "queueMicrotask", "nextTick"] });
  const { directory, host, controller } = setUp();
  host.selectMessage(BORIS);
  directory.searches[0]?.answer(new DirectoryError({ kind: "throttled", retryAfterMs: 3_000 }));
  await flush();
  const failure = controller.getState().lookupFailure;
  expect(failure?.error.kind).toBe("throttled");
  expect(failure?.autoRetryAt).toBe(Date.now() + 3_000);

  jest.advanceTimersByTime(2_999);
  expect(directory.searches).toHaveLength(1);
  jest.advanceTimersByTime(1);
  expect(directory.searches).toHaveLength(2);
  expect(controller.getState().verdict).toEqual({ kind: "checking" });

  directory.searches[1]?.answer(new DirectoryError({ kind: "throttled", retryAfterMs: 1_000 }));
  await flush();
  expect(controller.getState().lookupFailure?.autoRetryAt).toBeNull();
  jest.advanceTimersByTime(60_000);
  expect(directory.searches).toHaveLength(2);

  controller.retry({ kind: "lookup", generation: controller.getState().generation });
  expect(directory.searches).toHaveLength(3);
  directory.searches[2]?.answer(null);
  await flush();
  expect(controller.getState().verdict).toEqual({ kind: "missing" });
  expect(controller.getState().lookupFailure).toBeNull();
  controller.stop();
});

test("a pending automatic retry is cancelled when another message is selected", async () => {
  jest.useFakeTimers({ doNotFake: ["setImmediate", "queueMicrotask", "nextTick"] });
  const { directory, host, controller } = setUp();
  host.selectMessage(BORIS);
  directory.searches[0]?.answer(new DirectoryError({ kind: "throttled", retryAfterMs: 2_000 }));
  await flush();
  host.selectMessage(ANNA);
  expect(directory.searches.map((search) => search.address)).toEqual([BORIS.emailAddress, ANNA.emailAddress]);
  jest.advanceTimersByTime(5_000);
  expect(directory.searches).toHaveLength(2);
  controller.stop();
});

test("sign in again: calls signInAgain, then runs the failed lookup again; a failed sign-in says so", async () => {
  let signIns = 0;
  let signInWorks = false;
  const { directory, host, controller } = setUp({
    signInAgain: async () => {
      signIns += 1;
      if (!signInWorks) throw new Error("popup closed");
    },
  });
  host.selectMessage(BORIS);
  directory.searches[0]?.answer(new DirectoryError({ kind: "unauthenticated" }));
  await flush();
  const target = { kind: "lookup", generation: controller.getState().generation } as const;

  await controller.signInAndRetry(target);
  expect(signIns).toBe(1);
  expect(controller.getState().lookupFailure).toMatchObject({ signInFailed: true, signingIn: false });
  expect(directory.searches).toHaveLength(1);

  signInWorks = true;
  await controller.signInAndRetry(target);
  expect(signIns).toBe(2);
  expect(directory.searches).toHaveLength(2);
  directory.searches[1]?.answer(null);
  await flush();
  expect(controller.getState().verdict).toEqual({ kind: "missing" });
  controller.stop();
});

test("throttled after create: the automatic retry resumes, and create is not sent again", async () => {
  jest.useFakeTimers({ doNotFake: ["setImmediate", "queueMicrotask", "nextTick"] });
  const { directory, host, controller } = setUp();
  host.selectMessage(BORIS);
  directory.searches[0]?.answer(null);
  await flush();
  controller.promote();
  await flush();
  expect(directory.creates).toBe(1);
  directory.generalUpdates[0]?.(new DirectoryError({ kind: "throttled", retryAfterMs: 1_500 }));
  await flush();
  const key = BORIS.emailAddress;
  expect(personFor(controller.getState(), key).promotion?.phase).toBe("failed");

  jest.advanceTimersByTime(1_500);
  await flush();
  expect(personFor(controller.getState(), key).promotion?.phase).toBe("running");
  directory.generalUpdates[1]?.(null);
  await flush();
  expect(personFor(controller.getState(), key).promotion?.phase).toBe("done");
  expect(directory.creates).toBe(1);
  expect(controller.getState().verdict.kind).toBe("exists");
  controller.stop();
});

test("before the draft workflow arrives: no draft, Add does nothing; then each person gets their own draft", async () => {
  const download = downloadingDraftWorkflow();
  const { directory, host, controller } = setUp({ draftWorkflow: download.loader });
  host.selectMessage(BORIS);
  expect(personFor(controller.getState(), BORIS.emailAddress).draft).toBeNull();
  directory.searches[0]?.answer(null);
  await flush();
  expect(controller.getState().verdict).toEqual({ kind: "missing" });

  controller.promote();
  await flush();
  expect(directory.creates).toBe(0);
  expect(personFor(controller.getState(), BORIS.emailAddress).promotion).toBeNull();

  // The selection moves on before the download finishes: Boris's draft is still Boris's.
  host.selectMessage(ANNA);
  expect(download.imports()).toBe(1);
  download.arrive();
  await flush();
  const state = controller.getState();
  expect(personFor(state, BORIS.emailAddress).draft).toMatchObject({
    address: BORIS.emailAddress,
    displayName: "Boris Berg",
  });
  expect(personFor(state, ANNA.emailAddress).draft).toMatchObject({
    address: ANNA.emailAddress,
    displayName: "Anna Alvarez",
    company: "Fabrikam",
  });

  directory.searches[1]?.answer(null);
  await flush();
  controller.promote();
  await flush();
  expect(directory.creates).toBe(1);
  controller.stop();
});

test("the draft workflow is asked for only once the first verdict is in, whatever it is; then at once for everyone", async () => {
  const download = downloadingDraftWorkflow();
  const { directory, host, controller } = setUp({ draftWorkflow: download.loader });
  host.selectMessage(ANNA);
  await flush();
  expect(controller.getState().verdict).toEqual({ kind: "checking" });
  expect(download.imports()).toBe(0);
  directory.searches[0]?.answer(new DirectoryError({ kind: "unauthenticated" }));
  await flush();
  expect(controller.getState().verdict.kind).not.toBe("checking");
  expect(download.imports()).toBe(1);
  download.arrive();
  await flush();
  expect(personFor(controller.getState(), ANNA.emailAddress).draft?.company).toBe("Fabrikam");
  host.selectMessage(BORIS);
  expect(personFor(controller.getState(), BORIS.emailAddress).draft?.displayName).toBe("Boris Berg");
  controller.stop();
});

test("a failed download of the draft workflow: says so; Try again downloads it again and fills the draft", async () => {
  const download = downloadingDraftWorkflow();
  const { directory, host, controller } = setUp({ draftWorkflow: download.loader });
  host.selectMessage(ANNA);
  directory.searches[0]?.answer(null);
  await flush();
  download.fail();
  await flush();
  expect(controller.getState().prefillFailed).toBe(true);
  expect(personFor(controller.getState(), ANNA.emailAddress).draft).toBeNull();

  controller.retryPrefill();
  expect(controller.getState().prefillFailed).toBe(false);
  expect(download.imports()).toBe(2);
  download.arrive();
  await flush();
  expect(personFor(controller.getState(), ANNA.emailAddress).draft?.company).toBe("Fabrikam");
  expect(controller.getState().prefillFailed).toBe(false);
  controller.stop();
});

test("retry notices land on the person the call is about, and go when that call finishes", async () => {
  jest.useFakeTimers({ doNotFake: ["setImmediate", "queueMicrotask", "nextTick"] });
  const { host, controller, retryNotices } = setUp();
  host.selectMessage(ANNA);
  retryNotices.publish({
    kind: "waiting",
    call: 7,
    address: "Anna@Fabrikam.com",
    operation: "findByAddress",
    attempt: 2,
    delayMs: 3_000,
    reason: "throttled",
  });
  expect(personFor(controller.getState(), ANNA.emailAddress).retryWaits).toEqual([
    { call: 7, operation: "findByAddress", attempt: 2, reason: "throttled", retryAt: Date.now() + 3_000 },
  ]);
  expect(personFor(controller.getState(), BORIS.emailAddress).retryWaits).toEqual([]);

  // Another call's end does not clear it; its own does.
  retryNotices.publish({ kind: "finished", call: 8, address: ANNA.emailAddress });
  expect(personFor(controller.getState(), ANNA.emailAddress).retryWaits).toHaveLength(1);
  retryNotices.publish({ kind: "finished", call: 7, address: ANNA.emailAddress });
  expect(personFor(controller.getState(), ANNA.emailAddress).retryWaits).toEqual([]);

  controller.stop();
  retryNotices.publish({
    kind: "waiting",
    call: 9,
    address: ANNA.emailAddress,
    operation: "findByAddress",
    attempt: 2,
    delayMs: 1_000,
    reason: "unavailable",
  });
  expect(personFor(controller.getState(), ANNA.emailAddress).retryWaits).toEqual([]);
});
