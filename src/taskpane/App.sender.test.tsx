/** @jest-environment ./test/setup/jsdom-with-fetch.ts */
/**
 * The sender card and its verdict, for every kind of selection, against the real client
 * and the emulator over HTTP.
 */
import { act, render, renderHook, screen, waitFor, within } from "@testing-library/react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import { strings } from "./strings";
import { useOfficeTheme } from "./hooks/use-office-theme";
import { useEmulatedPane } from "./test-support/emulator-services";
import {
  DARK_OFFICE_THEME,
  FakeMailHost,
  LIGHT_OFFICE_THEME,
  messageFrom,
} from "./test-support/fake-mail-host";
import { displayedState, expectNoAxeViolations } from "./test-support/pane-testing";

const pane = useEmulatedPane({}, () => ({
  contacts: [
    {
      ContactExternalEmailAddress: "jane@fabrikam.com",
      ContactName: "Jane Doe",
      ContactDisplayName: "Jane Doe (Fabrikam)",
      ContactCompany: "Fabrikam",
      ContactMailTip: "Jane handles Fabrikam's invoices.",
      ContactHiddenFromAddressListsEnabled: true,
    },
  ],
}));

function renderPaneWith(host: FakeMailHost) {
  return render(<App services={{ ...pane.services, host }} />);
}

function searchCount(): number {
  return pane.emulator.requests().filter((request) => request.path.endsWith("/GetContacts")).length;
}

test("nothing selected: asks for a message", async () => {
  const { container } = renderPaneWith(new FakeMailHost({ item: { kind: "none" } }));
  expect(screen.getByText("Select a message to see its sender.")).toBeInTheDocument();
  await expectNoAxeViolations(container);
});

test("a meeting: says the pane works on messages and what this item is", async () => {
  const { container } = renderPaneWith(
    new FakeMailHost({ item: { kind: "not-message", itemType: "appointment" } }),
  );
  expect(screen.getByText("This works on messages; this item is a meeting.")).toBeInTheDocument();
  await expectNoAxeViolations(container);
});

test("an internal colleague: says so, offers nothing and asks the directory nothing", async () => {
  const host = new FakeMailHost({
    item: messageFrom({ displayName: "Megan Bowen", emailAddress: "megan@sales.contoso.com" }),
  });
  const { container } = renderPaneWith(host);
  expect(screen.getByText("Internal colleague")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Add to address book" })).not.toBeInTheDocument();
  // A colleague's message may hold a proposal: the pane loads that view and reads the body once.
  await waitFor(() => expect(host.bodyReads).toBe(1));
  expect(screen.getByText(/colleagues are already in the address list/)).toBeInTheDocument();
  await expectNoAxeViolations(container);
  expect(searchCount()).toBe(0);
});

test("an automated sender: says so and offers nothing", async () => {
  const host = new FakeMailHost({
    item: messageFrom({ displayName: "GitHub", emailAddress: "noreply@github.com" }),
  });
  const { container } = renderPaneWith(host);
  expect(screen.getByText("Automated sender")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Add to address book" })).not.toBeInTheDocument();
  await expectNoAxeViolations(container);
  expect(searchCount()).toBe(0);
});

test("no usable address (an Exchange legacy DN): says so", async () => {
  const host = new FakeMailHost({
    item: messageFrom({
      displayName: "Old System",
      emailAddress: "/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=OLDSYSTEM",
    }),
  });
  const { container } = renderPaneWith(host);
  expect(screen.getByText("No usable address")).toBeInTheDocument();
  await expectNoAxeViolations(container);
  expect(searchCount()).toBe(0);
});

test("an external sender not in the address book: checking (a skeleton), then 'not yet' with the Add button", async () => {
  pane.emulator.updateSettings({ latencyMs: 150 });
  const host = new FakeMailHost({
    item: messageFrom({ displayName: "Sam Smith", emailAddress: "sam@northwind.example" }),
  });
  const { container } = renderPaneWith(host);
  expect(displayedState(container)).toEqual({ sender: "Sam Smith", verdict: "checking" });
  await expectNoAxeViolations(container);
  // The company guess comes with the draft workflow (a chunk of its own), asked for once the
  // verdict is in: the verdict first, then the company and an enabled Add.
  expect(await screen.findByText("Not in the address book yet")).toBeInTheDocument();
  expect(await screen.findByText("Northwind")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Add to address book" })).toBeEnabled();
  expect(screen.getByText("sam@northwind.example")).toBeInTheDocument();
  await expectNoAxeViolations(container);
  expect(searchCount()).toBe(1);
});

test("an external sender already in the address book: the contact's name, mail tip and visibility", async () => {
  const host = new FakeMailHost({
    item: messageFrom({ displayName: "Jane Doe", emailAddress: "JANE@Fabrikam.com" }),
  });
  const { container } = renderPaneWith(host);
  // Jane is seeded hidden from address lists: her verdict says so, not the green "In the address book".
  expect(await screen.findByText("In the directory, hidden from the address book")).toBeInTheDocument();
  const details = screen.getByRole("region", { name: "Contact details" });
  expect(within(details).getByText("Listed as Jane Doe (Fabrikam)")).toBeInTheDocument();
  expect(within(details).getByText("Jane handles Fabrikam's invoices.")).toBeInTheDocument();
  expect(within(details).getByRole("switch", { name: "Shown in the address book" })).not.toBeChecked();
  const link = within(details).getByRole("link", { name: /Open in the Exchange admin center/ });
  expect(link).toHaveAttribute(
    "href",
    expect.stringMatching(/^https:\/\/admin\.exchange\.microsoft\.com\/\?landingpage=contacts/),
  );
  expect(link).toHaveAttribute("target", "_blank");
  expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await expectNoAxeViolations(container);
});

test("sent on behalf of someone: names both people", async () => {
  const host = new FakeMailHost({
    item: messageFrom(
      { displayName: "Jane Doe", emailAddress: "jane@fabrikam.com" },
      { displayName: "Pat Assistant", emailAddress: "pat@fabrikam.com" },
    ),
  });
  const { container } = renderPaneWith(host);
  expect(screen.getByText("Sent by Pat Assistant on behalf of Jane Doe")).toBeInTheDocument();
  await screen.findByText("In the directory, hidden from the address book");
  await expectNoAxeViolations(container);
});

test("a domain mixing scripts (Cyrillic 'а' in paypal): warns, shows the Unicode form, and still offers to add", async () => {
  const host = new FakeMailHost({
    item: messageFrom({ displayName: "PayPal Billing", emailAddress: "billing@p\u0430ypal.com" }),
  });
  const { container } = renderPaneWith(host);
  expect(screen.getByText("Check this address")).toBeInTheDocument();
  expect(screen.getByText(/mixes Latin and Cyrillic/)).toBeInTheDocument();
  expect(screen.getByText("billing@p\u0430ypal.com")).toBeInTheDocument();
  await screen.findByText("Not in the address book yet");
  await expectNoAxeViolations(container);
});

test("the verdict slot keeps its reserved height style from the skeleton to the answer", async () => {
  pane.emulator.updateSettings({ latencyMs: 100 });
  const host = new FakeMailHost({
    item: messageFrom({ displayName: "Sam Smith", emailAddress: "sam@northwind.example" }),
  });
  const { container } = renderPaneWith(host);
  const slotBefore = container.querySelector("section [role='status']");
  await screen.findByText("Not in the address book yet");
  const slotAfter = container.querySelector("section [role='status']");
  // Same reserved slot (min-height from the same style) for the skeleton and the badge.
  expect(slotAfter?.className).toBe(slotBefore?.className);
});

describe("theme", () => {
  test("follows Office: dark background → Fluent dark theme, and switches when Office's theme changes", () => {
    const host = new FakeMailHost({ context: { theme: DARK_OFFICE_THEME } });
    const { result } = renderHook(() => useOfficeTheme(host));
    expect(result.current).toBe(webDarkTheme);
    act(() => host.changeTheme(LIGHT_OFFICE_THEME));
    expect(result.current).toBe(webLightTheme);
    act(() => host.changeTheme(null));
    expect(result.current).toBe(webLightTheme);
  });

  test("the pane renders in the dark theme without accessibility violations", async () => {
    const host = new FakeMailHost({
      context: { theme: DARK_OFFICE_THEME },
      item: messageFrom({ displayName: "Sam Smith", emailAddress: "sam@northwind.example" }),
    });
    const { container } = renderPaneWith(host);
    await screen.findByText("Not in the address book yet");
    await expectNoAxeViolations(container);
  });
});

test("an external sender using the signed-in user's own name is flagged before the details", async () => {
  const { container } = renderPaneWith(
    new FakeMailHost({
      item: messageFrom({ displayName: "Adele Vance", emailAddress: "adele.vance@contoso-billing.example" }),
    }),
  );
  const caution = await screen.findByRole("list", { name: strings.promote.cautionsLabel });
  expect(
    within(caution).getByText(strings.promote.caution({ kind: "your-own-name", name: "Adele Vance" })),
  ).toBeInTheDocument();
  await expectNoAxeViolations(container);
});

test("a company guessed from a joined-up domain is marked as a guess in the form until edited, and kept out of the mail tip", async () => {
  const user = userEvent.setup();
  renderPaneWith(
    new FakeMailHost({
      item: messageFrom({ displayName: "Olivia Brennan", emailAddress: "olivia@alpineskihouse.com" }),
    }),
  );
  await screen.findByText("External contact: Olivia Brennan (alpineskihouse.com).");
  await user.click(screen.getByRole("button", { name: strings.promote.editDetails }));
  const company = await screen.findByRole("textbox", { name: strings.promote.company });
  expect(company).toHaveValue("Alpineskihouse");
  expect(screen.getByText(strings.promote.companyGuessHint)).toBeInTheDocument();
  await user.clear(company);
  await user.type(company, "Alpine Ski House");
  expect(screen.queryByText(strings.promote.companyGuessHint)).toBeNull();
});
