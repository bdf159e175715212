/** @jest-environment ./test/setup/jsdom-with-fetch.ts */
/**
 * The pane in other languages, against the real client and the emulator over HTTP:
 * - in the accented pseudo-locale, no text a person can see or hear (text nodes, labels,
 *   titles, placeholders) comes from anywhere but the catalogue, except the data it shows
 *   (names, addresses, companies, mail tips);
 * - in German, the catalogue's German;
 * - in the right-to-left pseudo-locale, the page and Fluent's provider are marked rtl.
 */
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { EXCHANGE_WRITE_ROLES } from "../contacts/exchange-rules";
import { composeProposal, type ContactProposal } from "../contacts/proposal";
import { internalHeadersFor } from "../harness/internet-headers";
import { App } from "./App";
import { applyDisplayLanguage } from "./locales/language";
import { PROPOSAL_SENTENCES, proposalSentences } from "./locales/proposal-sentences";
import { hasPlainLatin } from "./locales/pseudo";
import { english, fieldProblem, selectCatalogue, strings } from "./strings";
import { progressSentences } from "./locales/progress-sentences";
import { proposalWords } from "./proposals/proposal-words";
import { TEST_ORGANIZATION, useEmulatedPane } from "./test-support/emulator-services";
import { FakeMailHost, messageFrom } from "./test-support/fake-mail-host";

/** Waits on real HTTP (create, then two updates) sized for a shared, busy machine. */
const WAIT_MS = 10_000;
const pane = useEmulatedPane({}, () => ({
  contacts: [
    {
      ContactExternalEmailAddress: "jane@fabrikam.com",
      ContactName: "Jane Doe",
      ContactDisplayName: "Jane Doe (Fabrikam)",
      ContactCompany: "Fabrikam",
      ContactMailTip: "Jane handles Fabrikam's invoices.",
    },
  ],
}));
afterEach(async () => {
  await applyDisplayLanguage("en-US");
  selectCatalogue(english);
});

/** What the data shows as it is: the senders', the contact's and the organization's own words. */
const DATA = [
  "External contact: Sam Smith from Northwind (northwind.example).",
  "Jane handles Fabrikam's invoices.",
  "sam.smith@northwind.example",
  "jane@fabrikam.com",
  "megan@sales.contoso.com",
  "noreply@github.com",
  "northwind.example",
  "sales.contoso.com",
  "contoso.com",
  "Jane Doe (Fabrikam)",
  "Megan Bowen",
  "Sam Smith",
  "Northwind",
  "Fabrikam",
  "GitHub",
  "GAL Contact",
  "Jane Doe",
  "Smith",
  "Sam",
];

/** A request id the service gave, shown for support. */
const REQUEST_ID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/** Every piece of text in the document a person can see or hear, with where it is. */
function visibleTexts(root: Element): { text: string; where: string }[] {
  const found: { text: string; where: string }[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      // An avatar's initials are the sender's name's.
      if (parent?.closest(".fui-Avatar")) continue;
      if (parent && !["SCRIPT", "STYLE"].includes(parent.tagName))
        found.push({ text: node.textContent ?? "", where: `text in <${parent.tagName.toLowerCase()}>` });
      continue;
    }
    const element = node as Element;
    for (const attribute of ["aria-label", "title", "placeholder", "alt", "aria-valuetext"]) {
      const value = element.getAttribute(attribute);
      if (value !== null)
        found.push({ text: value, where: `${attribute} of <${element.tagName.toLowerCase()}>` });
    }
    if (element instanceof HTMLInputElement && ["button", "submit"].includes(element.type))
      found.push({ text: element.value, where: "value of <input>" });
  }
  return found;
}

/** Text that is neither the catalogue's (accented) nor data: it bypassed the catalogue. */
function outsideTheCatalogue(root: Element): string[] {
  const data = [...DATA].sort((a, b) => b.length - a.length);
  return visibleTexts(root)
    .filter(({ text }) =>
      hasPlainLatin(data.reduce((rest, value) => rest.split(value).join(""), text).replace(REQUEST_ID, "")),
    )
    .map(({ text, where }) => `${where}: ${JSON.stringify(text)}`);
}

function renderPane(host: FakeMailHost) {
  return render(<App services={{ ...pane.services, host }} />);
}

describe("in the accented pseudo-locale, every text the pane shows is the catalogue's", () => {
  beforeEach(async () => {
    await applyDisplayLanguage("qps-ploc");
  });

  test("the test itself catches English that bypasses the catalogue", () => {
    const { container } = render(
      <p>
        {strings.verdict.exists} <span aria-label="Open">{strings.existing.edit}</span>
      </p>,
    );
    expect(outsideTheCatalogue(container)).toEqual(['aria-label of <span>: "Open"']);
  });

  test.each([
    ["nothing selected", { kind: "none" } as const],
    ["a meeting", { kind: "not-message", itemType: "appointment" } as const],
    [
      "an internal colleague",
      messageFrom({ displayName: "Megan Bowen", emailAddress: "megan@sales.contoso.com" }),
    ],
    ["an automated sender", messageFrom({ displayName: "GitHub", emailAddress: "noreply@github.com" })],
    [
      "an unusable address",
      messageFrom({ displayName: "Sam Smith", emailAddress: "sam..smith@northwind.example" }),
    ],
  ])("%s", async (_state, item) => {
    const { container } = renderPane(new FakeMailHost({ item }));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(outsideTheCatalogue(container.ownerDocument.body)).toEqual([]);
  });

  test("an existing contact, its mail tip being edited", async () => {
    const user = userEvent.setup();
    const { container } = renderPane(
      new FakeMailHost({ item: messageFrom({ displayName: "Jane Doe", emailAddress: "jane@fabrikam.com" }) }),
    );
    await screen.findByText(strings.verdict.exists);
    expect(outsideTheCatalogue(container.ownerDocument.body)).toEqual([]);
    await user.click(screen.getByRole("button", { name: strings.existing.editMailTip }));
    expect(outsideTheCatalogue(container.ownerDocument.body)).toEqual([]);
  });

  test("a new sender: the draft, its notes, a refused field, adding, added", async () => {
    const user = userEvent.setup();
    const { container } = renderPane(
      new FakeMailHost({
        item: messageFrom({ displayName: "Sam Smith", emailAddress: "sam.smith@northwind.example" }),
      }),
    );
    await screen.findByText(strings.verdict.missing);
    await screen.findByRole("button", { name: strings.promote.add });
    expect(outsideTheCatalogue(container.ownerDocument.body)).toEqual([]);

    await user.click(screen.getByRole("button", { name: strings.promote.editDetails }));
    const company = screen.getByRole("textbox", { name: strings.promote.company });
    await user.clear(company);
    await user.paste("N".repeat(70));
    expect(
      screen.getByText(
        fieldProblem({ field: "company", problem: { code: "too-long", limit: 64, length: 70 } }),
      ),
    ).toBeInTheDocument();
    DATA.push("N".repeat(70));
    try {
      expect(outsideTheCatalogue(container.ownerDocument.body)).toEqual([]);
    } finally {
      DATA.pop();
    }
    await user.clear(company);
    await user.type(company, "Northwind");
    await user.click(screen.getByRole("button", { name: strings.promote.add }));
    await screen.findByText(strings.progress.added, {}, { timeout: WAIT_MS });
    expect(outsideTheCatalogue(container.ownerDocument.body)).toEqual([]);
  });

  test("a failed lookup, then a step that failed after create, with Finish", async () => {
    const user = userEvent.setup();
    pane.emulator.addFault({ route: "search", status: 500 });
    const { container } = renderPane(
      new FakeMailHost({
        item: messageFrom({ displayName: "Sam Smith", emailAddress: "sam.smith@northwind.example" }),
      }),
    );
    await screen.findByText(strings.verdict.unknown, {}, { timeout: WAIT_MS });
    expect(outsideTheCatalogue(container.ownerDocument.body)).toEqual([]);

    await user.click(screen.getByRole("button", { name: strings.errors.tryAgain }));
    await screen.findByRole("button", { name: strings.promote.add });
    await user.click(screen.getByRole("button", { name: strings.promote.editDetails }));
    await user.click(screen.getByRole("switch", { name: strings.promote.hidden }));
    pane.emulator.addFault({ route: "updateOptions", status: 500 });
    await user.click(screen.getByRole("button", { name: strings.promote.add }));
    await screen.findByRole("button", { name: progressSentences().finish }, { timeout: WAIT_MS });
    expect(outsideTheCatalogue(container.ownerDocument.body)).toEqual([]);
  });
});

describe("in the accented pseudo-locale, proposals are the catalogue's too", () => {
  const ADELE = { displayName: "Adele Vance", emailAddress: "adele@contoso.com" };
  const SAM = { displayName: "Sam Smith", emailAddress: "sam.smith@northwind.example" };
  const PROPOSAL: ContactProposal = {
    address: SAM.emailAddress,
    displayName: SAM.displayName,
    firstName: "Sam",
    lastName: "Smith",
    company: "Northwind",
    mailTip: "Sam handles our Northwind orders.",
    hiddenFromAddressLists: false,
    reason: "We order from Sam every week.",
    proposer: { displayName: ADELE.displayName, address: ADELE.emailAddress },
    senderCheck: { status: "not-checked", reason: "headers-empty" },
    risks: ["look-alike"],
  };
  const PROPOSAL_DATA = [
    "Sam handles our Northwind orders.",
    "We order from Sam every week.",
    ...Object.values(ADELE),
    // Microsoft's names for the roles, as Exchange's admin center shows them in every language.
    ...EXCHANGE_WRITE_ROLES,
  ];

  beforeEach(async () => {
    await applyDisplayLanguage("qps-ploc");
    DATA.unshift(...PROPOSAL_DATA);
  });
  afterEach(() => {
    DATA.splice(0, PROPOSAL_DATA.length);
  });

  /** A proposal Adele's English pane wrote, as Megan (an approver in the pseudo-locale) opens it. */
  function proposalFromAdele(body: string) {
    const host = new FakeMailHost({
      item: messageFrom(ADELE),
      context: { userAddress: "megan@contoso.com", userDisplayName: "Megan Bowen" },
    });
    host.bodyText = body;
    host.internetHeaders = internalHeadersFor({
      from: ADELE,
      to: [],
      subject: "Proposal",
      receivedAt: "2026-11-30T10:00:00Z",
      id: "p1",
    });
    return renderPane(host);
  }
  /** Written in English, whatever the approver's pane speaks (the message is the proposer's). */
  function englishBody(): string {
    selectCatalogue(english);
    return composeProposal(PROPOSAL, proposalWords()).textBody;
  }

  test("the offer to ask an admin, for an account that may not add", async () => {
    const { container } = render(
      <App
        services={{
          ...pane.services,
          host: new FakeMailHost({ item: messageFrom(SAM) }),
          org: { ...TEST_ORGANIZATION, approvers: "gal-approvers@contoso.com" },
          writeAllowed: async () => false,
        }}
      />,
    );
    const sentences = proposalSentences();
    await screen.findByRole("button", { name: sentences.ask });
    expect(hasPlainLatin(sentences.askIntro)).toBe(false);
    expect(outsideTheCatalogue(container.ownerDocument.body)).toEqual([]);
  });

  test("an English proposal an approver opens, then Decline", async () => {
    const body = englishBody();
    await applyDisplayLanguage("qps-ploc");
    const user = userEvent.setup();
    const { container } = proposalFromAdele(body);
    const sentences = proposalSentences();
    await screen.findByText(sentences.title("Adele Vance", "Sam Smith"));
    expect(screen.queryByText(PROPOSAL_SENTENCES.en.approve)).toBeNull();
    await screen.findByRole("button", { name: sentences.approve });
    expect(outsideTheCatalogue(container.ownerDocument.body)).toEqual([]);
    await user.click(screen.getByRole("button", { name: sentences.decline }));
    await screen.findByRole("textbox", { name: sentences.declineReasonLabel });
    expect(outsideTheCatalogue(container.ownerDocument.body)).toEqual([]);
  });

  test("a tampered proposal, refused", async () => {
    const body = englishBody().replace(
      `Address: ${SAM.emailAddress}`,
      "Address: sam@northwind-billing.example",
    );
    await applyDisplayLanguage("qps-ploc");
    const { container } = proposalFromAdele(body);
    await screen.findByText(proposalSentences().refusedTitle);
    expect(outsideTheCatalogue(container.ownerDocument.body)).toEqual([]);
  });

  test("in German, the same tampered proposal is refused in German, the field by its German label", async () => {
    const body = englishBody().replace(
      `Address: ${SAM.emailAddress}`,
      "Address: sam@northwind-billing.example",
    );
    await applyDisplayLanguage("de-DE");
    proposalFromAdele(body);
    await screen.findByText("Dieser Vorschlag wurde ignoriert");
    expect(
      screen.getByText(
        "Sein lesbarer Text und sein maschinenlesbarer Teil stimmen nicht überein (E-Mail-Adresse): Er wurde nach dem Verfassen geändert.",
        { exact: false },
      ),
    ).toBeInTheDocument();
  });
});

test("in German, the pane speaks German", async () => {
  await applyDisplayLanguage("de-AT");
  expect(document.documentElement.lang).toBe("de");
  renderPane(
    new FakeMailHost({
      item: messageFrom({ displayName: "Sam Smith", emailAddress: "sam.smith@northwind.example" }),
    }),
  );
  expect(await screen.findByText("Noch nicht im Adressbuch")).toBeInTheDocument();
  expect(await screen.findByRole("button", { name: "Zum Adressbuch hinzufügen" })).toBeInTheDocument();
  expect(
    screen.getByText("Die Firma „Northwind“ wurde aus der Domäne northwind.example abgeleitet."),
  ).toBeInTheDocument();
});

test("an unknown display language falls back to English", async () => {
  await applyDisplayLanguage("fr-FR");
  expect(strings.verdict.missing).toBe(english.verdict.missing);
  expect(document.documentElement).toHaveAttribute("lang", "en");
});

describe("right to left", () => {
  test("the RTL pseudo-locale marks the page and Fluent's provider rtl, so Fluent mirrors the layout", async () => {
    await applyDisplayLanguage("qps-plocm");
    expect(document.documentElement).toHaveAttribute("dir", "rtl");
    const { container } = renderPane(new FakeMailHost({ item: { kind: "none" } }));
    expect(container.querySelector(".fui-FluentProvider")).toHaveAttribute("dir", "rtl");
    expect(screen.getByText(strings.empty.noItem)).toBeInTheDocument();
    expect(hasPlainLatin(strings.empty.noItem)).toBe(false);
  });

  test("English is left to right", async () => {
    await applyDisplayLanguage("en-US");
    const { container } = renderPane(new FakeMailHost({ item: { kind: "none" } }));
    expect(container.querySelector(".fui-FluentProvider")).toHaveAttribute("dir", "ltr");
    expect(document.documentElement).toHaveAttribute("dir", "ltr");
  });

  test("the pane's own styles use logical properties (start/end, inline/block), which mirror", () => {
    const folder = __dirname;
    const files = [
      path.join(folder, "App.tsx"),
      ...readdirSync(path.join(folder, "components"))
        .filter((file) => file.endsWith(".tsx") || file.endsWith(".ts"))
        .map((file) => path.join(folder, "components", file)),
    ];
    const physical =
      /\b(?:margin|padding|border)(?:Left|Right)\b|\b(?:left|right)\s*:|textAlign:\s*["'](?:left|right)["']|float:\s*["'](?:left|right)["']/;
    const offenders = files.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, index) => ({ line, where: `${path.relative(folder, file)}:${index + 1}` }))
        .filter(
          ({ line }) => physical.test(line) && !line.trim().startsWith("//") && !line.trim().startsWith("*"),
        )
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
