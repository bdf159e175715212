/**
 * The controller without React: the generation guard against stale answers, the one
 * automatic retry after throttling (jest fake timers), and sign-in then retry.
 * The directory here is a scripted ContactDirectory: these tests are about timing and
 * ordering that a real server cannot be made to produce on demand.
 */
import { DirectoryError } from "../../admin-api/errors";
import type { ContactDirectory, MailContact, NewMailContact } from "../../contacts/directory";
import { ContactLookup } from "../../contacts/lookup";
import type { LookupResult } from "../../contacts/workflow-types";
import type { PaneServices } from "../pane-services";
import { FakeMailHost } from "../test-support/fake-mail-host";
import { mailContact } from "../test-support/fixtures";
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

function setUp(options: { nonSuperseding?: boolean; signInAgain?: () => Promise<void> } = {}) {
  const directory = new ScriptedDirectory();
  const host = new FakeMailHost();
  const services: PaneServices = {
    host,
    directory,
    org: ORG,
    signInAgain: options.signInAgain ?? (async () => {}),
  };
  const controller = new PaneController(services, {
    lookup: options.nonSuperseding ? new NonSupersedingLookup(directory) : undefined,
  });
  const states: PaneState[] = [];
  controller.subscribe(() => states.push(controller.getState()));
  controller.start();
  return { directory, host, controller, states };
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
  directory.searches[0]?.answer(
    new DirectoryError({ kind: "throttled", message: "slow", retryAfterMs: 3_000 }),
  );
  await flush();
  const failure = controller.getState().lookupFailure;
  expect(failure?.error.kind).toBe("throttled");
  expect(failure?.autoRetryAt).toBe(Date.now() + 3_000);

  jest.advanceTimersByTime(2_999);
  expect(directory.searches).toHaveLength(1);
  jest.advanceTimersByTime(1);
  expect(directory.searches).toHaveLength(2);
  expect(controller.getState().verdict).toEqual({ kind: "checking" });

  directory.searches[1]?.answer(
    new DirectoryError({ kind: "throttled", message: "slow", retryAfterMs: 1_000 }),
  );
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
  directory.searches[0]?.answer(
    new DirectoryError({ kind: "throttled", message: "slow", retryAfterMs: 2_000 }),
  );
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
  directory.searches[0]?.answer(new DirectoryError({ kind: "unauthenticated", message: "expired" }));
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
  directory.generalUpdates[0]?.(
    new DirectoryError({ kind: "throttled", message: "slow", retryAfterMs: 1_500 }),
  );
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
