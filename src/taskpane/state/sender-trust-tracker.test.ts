import { analyzeSender } from "../../contacts/sender";
import { eopResults, inbound } from "../../contacts/trust/__fixtures__/internet-headers";
import type { InternetHeaders } from "../../contacts/trust/message-authentication";
import type { OrganizationConfig } from "../../contacts/types";
import { DEFAULT_MAIL_TIP_TEMPLATE } from "../../contacts/draft-rules";
import { FakeMailHost } from "../test-support/fake-mail-host";
import { SenderTrustTracker, type TrustView } from "./sender-trust-tracker";

const ORG: OrganizationConfig = { internalDomains: [], mailTipTemplate: DEFAULT_MAIL_TIP_TEMPLATE };

function analysis(displayName: string, emailAddress: string) {
  return analyzeSender(
    { from: { displayName, emailAddress }, sender: null, userAddress: "adele@contoso.com" },
    ORG,
  );
}

/** Resolves once the tracker's view is no longer "checking". */
function settled(tracker: SenderTrustTracker): Promise<TrustView> {
  return new Promise((resolve) => {
    const check = () => {
      const view = tracker.getState();
      if (view.kind !== "checking") {
        unsubscribe();
        resolve(view);
      }
    };
    const unsubscribe = tracker.subscribe(check);
    check();
  });
}

const PASSING = inbound({ eop: eopResults("fabrikam.com") });
const FAILING = inbound({ eop: eopResults("fabrikam.com", { dmarc: "fail", compauth: "fail" }) });

function setUp(headers: InternetHeaders, org: OrganizationConfig = ORG) {
  const host = new FakeMailHost();
  host.internetHeaders = headers;
  const read = jest.spyOn(host, "readInternetHeaders");
  const onAssessed = jest.fn();
  const tracker = new SenderTrustTracker(host, org, { onAssessed, headerTimeoutMs: 50 });
  return { host, read, tracker, onAssessed };
}

describe("SenderTrustTracker", () => {
  test("reads the headers at once, beside the lookup, and a verified sender keeps one click", async () => {
    const { tracker, read } = setUp(PASSING);
    tracker.check(1, "isabel@fabrikam.com", analysis("Isabel Ferreira", "isabel@fabrikam.com"));
    expect(read).toHaveBeenCalledTimes(1);
    expect(tracker.getState()).toEqual({ kind: "checking", generation: 1, key: "isabel@fabrikam.com" });
    expect(tracker.allowsAdd("isabel@fabrikam.com", false)).toBe(false);
    const view = await settled(tracker);
    expect(view).toMatchObject({ kind: "ready", decision: "one-click", risks: [] });
    expect(tracker.allowsAdd("isabel@fabrikam.com", false)).toBe(true);
  });

  test("a failing sender needs a confirmation under warn", async () => {
    const { tracker } = setUp(FAILING);
    tracker.check(1, "isabel@fabrikam.com", analysis("Isabel Ferreira", "isabel@fabrikam.com"));
    expect(await settled(tracker)).toMatchObject({
      decision: "confirm",
      risks: [{ kind: "authentication-failed" }],
    });
    expect(tracker.allowsAdd("isabel@fabrikam.com", false)).toBe(false);
    expect(tracker.allowsAdd("isabel@fabrikam.com", true)).toBe(true);
  });

  test("and cannot be added at all under block", async () => {
    const { tracker } = setUp(FAILING, { ...ORG, trustPolicy: "block" });
    tracker.check(1, "isabel@fabrikam.com", analysis("Isabel Ferreira", "isabel@fabrikam.com"));
    expect(await settled(tracker)).toMatchObject({ decision: "blocked" });
    expect(tracker.allowsAdd("isabel@fabrikam.com", true)).toBe(false);
  });

  test("a verdict for an earlier selection never lands on the current one", async () => {
    const { tracker, host } = setUp(FAILING);
    tracker.check(1, "isabel@fabrikam.com", analysis("Isabel Ferreira", "isabel@fabrikam.com"));
    host.internetHeaders = inbound({ eop: eopResults("northwind.example"), domain: "northwind.example" });
    tracker.check(2, "d@northwind.example", analysis("Daniel Okafor", "d@northwind.example"));
    const view = await settled(tracker);
    expect(view).toMatchObject({
      kind: "ready",
      generation: 2,
      key: "d@northwind.example",
      decision: "one-click",
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tracker.getState()).toBe(view);
  });

  test("Outlook never answering the header read counts as not checked", async () => {
    const { tracker, host } = setUp(null);
    jest.spyOn(host, "readInternetHeaders").mockReturnValue(new Promise(() => {}));
    tracker.check(1, "isabel@fabrikam.com", analysis("Isabel Ferreira", "isabel@fabrikam.com"));
    const view = await settled(tracker);
    expect(view.kind === "ready" && view.trust.authentication).toEqual({
      status: "not-checked",
      reason: "headers-unavailable",
      details: null,
    });
  });

  test("compares with the domains of contacts and the names of colleagues it has seen", async () => {
    const { tracker, onAssessed } = setUp("");
    tracker.noteContact("d.okafor@northwindtraders.com");
    tracker.clear(analysis("Alex Wilber", "alexw@contoso.com"));
    tracker.check(3, "alex@northwind-traders.com", analysis("Alex Wilber", "alex@northwind-traders.com"));
    const view = await settled(tracker);
    expect(view).toMatchObject({
      decision: "confirm",
      risks: [
        {
          kind: "look-alike",
          lookAlike: { kind: "hyphen", known: { domain: "northwindtraders.com", source: "contact" } },
        },
        { kind: "impersonation", impersonation: { kind: "colleague-name", name: "Alex Wilber" } },
      ],
    });
    expect(onAssessed).toHaveBeenCalledWith(
      "alex@northwind-traders.com",
      expect.objectContaining({ lookAlike: expect.anything() }),
    );
  });

  test("a look-alike of the user's own domain", async () => {
    const { tracker } = setUp("");
    tracker.check(1, "x@c0ntoso.com", analysis("X", "x@c0ntoso.com"));
    expect(await settled(tracker)).toMatchObject({
      risks: [
        {
          kind: "look-alike",
          lookAlike: { kind: "confusable", known: { domain: "contoso.com", source: "organization" } },
        },
      ],
    });
  });

  test("clear() hides the verdict; checks that could not load say so", async () => {
    const host = new FakeMailHost();
    const tracker = new SenderTrustTracker(host, ORG, {
      workflow: { load: () => Promise.reject(new Error("offline")), loaded: () => null },
    });
    tracker.check(1, "isabel@fabrikam.com", analysis("Isabel Ferreira", "isabel@fabrikam.com"));
    expect(await settled(tracker)).toEqual({
      kind: "unavailable",
      generation: 1,
      key: "isabel@fabrikam.com",
    });
    tracker.clear(null);
    expect(tracker.getState()).toEqual({ kind: "none" });
  });
});

describe("the checks' chunk and the first verdict", () => {
  test("is asked for only once the lookup has settled, and later checks do not wait", async () => {
    const host = new FakeMailHost();
    host.internetHeaders = PASSING;
    const real = await import("./trust-checks");
    let arrived: typeof real | null = null;
    const load = jest.fn(async () => (arrived = real));
    const tracker = new SenderTrustTracker(host, ORG, { workflow: { load, loaded: () => arrived } });
    let settleLookup = () => {};
    const lookup = new Promise<void>((resolve) => (settleLookup = resolve));
    tracker.check(1, "isabel@fabrikam.com", analysis("Isabel Ferreira", "isabel@fabrikam.com"), lookup);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(load).not.toHaveBeenCalled();
    expect(tracker.getState().kind).toBe("checking");
    settleLookup();
    expect(await settled(tracker)).toMatchObject({ kind: "ready", decision: "one-click" });
    tracker.check(
      2,
      "anna@fabrikam.com",
      analysis("Anna Alvarez", "anna@fabrikam.com"),
      new Promise(() => {}),
    );
    expect(await settled(tracker)).toMatchObject({ kind: "ready", generation: 2 });
  });
});
