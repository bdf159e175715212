import { SENDER_FIXTURES, USER_ADDRESS, type SenderFixture } from "./__fixtures__/senders";
import { DEFAULT_ORGANIZATION_CONFIG, prefillDraft, validateDraft } from "./draft";
import { analyzeSender, classifyAutomatedSender } from "./sender";
import type { SenderAnalysis } from "./types";

function analyze(fixture: SenderFixture): SenderAnalysis {
  return analyzeSender(
    {
      from: fixture.from,
      sender: fixture.sender === undefined ? fixture.from : fixture.sender,
      userAddress: fixture.userAddress ?? USER_ADDRESS,
      userDisplayName: fixture.userDisplayName ?? "Megan Bowen (Fabrikam)",
    },
    { internalDomains: fixture.internalDomains ?? [] },
  );
}

function expectEachMatchedOnce(actual: readonly { code: string }[], expected: readonly object[]): void {
  for (const facts of expected) {
    expect(actual.filter((fact) => expect.objectContaining(facts).asymmetricMatch(fact))).toHaveLength(1);
  }
}

test("the table is large and varied enough to mean something", () => {
  expect(SENDER_FIXTURES.length).toBeGreaterThanOrEqual(45);
  const kinds = new Set(SENDER_FIXTURES.map((fixture) => fixture.expect.kind));
  expect([...kinds].sort()).toEqual(["automated", "external", "internal", "unusable"]);
});

describe.each(SENDER_FIXTURES.map((fixture) => [fixture.title, fixture] as const))(
  "%s",
  (_title, fixture) => {
    const analysis = analyze(fixture);
    const { expect: expected } = fixture;

    test("classification and reason", () => {
      expect(analysis.kind).toBe(expected.kind);
      expect(analysis.reason).toMatchObject(expected.reason);
    });

    test("address forms", () => {
      if (expected.kind === "unusable") {
        expect(analysis.address).toBeNull();
        return;
      }
      expect(analysis.address).not.toBeNull();
      if (expected.address !== undefined) expect(analysis.address?.address).toBe(expected.address);
      if (expected.displayAddress !== undefined)
        expect(analysis.address?.displayAddress).toBe(expected.displayAddress);
      if (expected.mixedScriptDomain !== undefined) {
        expect(analysis.address?.mixedScriptDomain).toBe(expected.mixedScriptDomain);
      }
    });

    test("shown name, on-behalf-of and warnings", () => {
      if (expected.shownName !== undefined) expect(analysis.displayName).toBe(expected.shownName);
      expect(analysis.onBehalfOf).toEqual(expected.onBehalfOf ?? null);
      const warnings = expected.warnings ?? [];
      expect(analysis.warnings).toHaveLength(warnings.length);
      expectEachMatchedOnce(analysis.warnings, warnings);
      expect(analysis.cautions ?? []).toEqual(expected.cautions ?? []);
    });

    test("prefilled draft", () => {
      if (expected.kind !== "external") {
        expect(() => prefillDraft(analysis, DEFAULT_ORGANIZATION_CONFIG)).toThrow(/Only an external sender/);
        return;
      }
      const draft = prefillDraft(analysis, DEFAULT_ORGANIZATION_CONFIG);
      const want = expected.draft;
      if (want === undefined) throw new Error(`fixture "${fixture.title}" must describe its draft`);
      expect({
        displayName: draft.displayName,
        firstName: draft.firstName,
        lastName: draft.lastName,
        company: draft.company,
        name: draft.name,
      }).toEqual({
        displayName: want.displayName,
        firstName: want.firstName,
        lastName: want.lastName,
        company: want.company,
        name: want.name ?? want.displayName,
      });
      expect(draft.address).toBe(analysis.address?.address);
      expect(draft.hiddenFromAddressLists).toBe(false);
      if (want.mailTip !== undefined) expect(draft.mailTip).toBe(want.mailTip);
      expectEachMatchedOnce(draft.notes, want.notes ?? []);
      if (want.companySource !== undefined) expect(draft.companySource ?? null).toBe(want.companySource);
      expect(draft.cautions ?? []).toEqual(expected.cautions ?? []);
      // A prefilled draft is always sendable as it stands.
      expect(validateDraft(draft)).toEqual([]);
    });
  },
);

describe("classifyAutomatedSender", () => {
  test.each([
    ["noreply", "x.com", "no-reply"],
    ["no.reply", "x.com", "no-reply"],
    ["no_reply", "x.com", "no-reply"],
    ["noreply123", "x.com", "no-reply"],
    ["dont-reply", "x.com", "no-reply"],
    ["ne-pas-repondre", "x.fr", "no-reply"],
    ["keine-antwort", "x.de", "no-reply"],
    ["noreply-dmarc-support", "google.com", "no-reply"],
    ["MAILER-DAEMON", "x.com", "mail-system"],
    ["listname-request", "lists.x.org", "mail-system"],
    ["owner-listname", "lists.x.org", "mail-system"],
    ["bounces", "x.com", "bounce"],
    ["prvs=1234abcd=jane", "x.com", "bounce"],
    ["SRS1=HHH=forwarder.net==x1y2=AB=contoso.com=jane", "relay.net", "bounce"],
    ["0100018f2c3d4e5f-6a7b8c9d-1234-5678-9abc-def012345678-000000", "amazonses.com", "bounce"],
    ["jane", "bounce.contoso.com", "bounce"],
    ["alerts", "bank.com", "notifications"],
    ["newsletter", "shop.com", "notifications"],
  ])("%s@%s is %s", (local, domain, category) => {
    expect(classifyAutomatedSender(local, domain)).toBe(category);
  });

  test.each([
    ["jane.doe", "contoso.com"],
    ["juno.reply", "contoso.com"],
    ["noah", "contoso.com"],
    ["nora", "contoso.com"],
    ["info", "contoso.com"],
    ["support", "contoso.com"],
    ["notify.smith", "contoso.com"],
    ["bouncer.jones", "contoso.com"],
    ["deadbeef", "contoso.com"],
  ])("%s@%s may be a person", (local, domain) => {
    expect(classifyAutomatedSender(local, domain)).toBeNull();
  });
});

describe("analyzeSender edge cases", () => {
  test("an unusable user address does not break internal detection by configured domains", () => {
    const analysis = analyzeSender(
      { from: { displayName: "A", emailAddress: "a@contoso.com" }, sender: null, userAddress: "" },
      { internalDomains: ["contoso.com"] },
    );
    expect(analysis.kind).toBe("internal");
  });

  test("a null sender means no on-behalf-of", () => {
    const analysis = analyzeSender(
      { from: { displayName: "A", emailAddress: "a@contoso.com" }, sender: null, userAddress: USER_ADDRESS },
      { internalDomains: [] },
    );
    expect(analysis.onBehalfOf).toBeNull();
  });

  test("a configured IDN domain matches the punycode form of the address", () => {
    const analysis = analyzeSender(
      {
        from: { displayName: "A", emailAddress: "a@xn--mnchen-3ya.de" },
        sender: null,
        userAddress: USER_ADDRESS,
      },
      { internalDomains: ["München.de"] },
    );
    expect(analysis.kind).toBe("internal");
  });
});
