/** @jest-environment ./test/setup/jsdom-with-fetch.ts */
/**
 * What the pane reads after the verdict, on both backends (real clients, emulator over
 * HTTP): an existing contact's company (Exchange's lookup lacks it: Get-Contact follows the
 * verdict), and who else holds a missing address (Exchange's Get-Recipient, asked after the
 * verdict), said instead of an Add that could only fail.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import { strings } from "./strings";
import { PANE_BACKENDS, startEmulatedPane, type EmulatedPane } from "./test-support/emulator-services";
import { FakeMailHost, messageFrom } from "./test-support/fake-mail-host";
import { expectNoAxeViolations } from "./test-support/pane-testing";

const JANE = { displayName: "Jane Doe", emailAddress: "jane@fabrikam.com" };
const ADA = { displayName: "Ada Lovelace", emailAddress: "ada@analytical.example" };
/** Real HTTP on a shared machine: room beyond testing-library's 1 s default. */
const WAIT = { timeout: 5000 };

describe.each(PANE_BACKENDS)("on the %s backend", (backend) => {
  let pane: EmulatedPane;
  const exchange = backend === "exchange";

  beforeAll(async () => {
    pane = await startEmulatedPane({ backend });
  });
  afterAll(async () => {
    await pane.emulator.close();
  });

  /** The calls the emulator received: the cmdlet for InvokeCommand, else the path's last segment. */
  function calls(): string[] {
    return pane.emulator.requests().map((request) => request.cmdlet ?? request.path.split("/").at(-1) ?? "");
  }
  const SEARCH = exchange ? "Get-MailContact" : "GetContacts";

  function renderSender(from: { displayName: string; emailAddress: string }) {
    const host = new FakeMailHost({ item: messageFrom(from) });
    return { ...render(<App services={{ ...pane.services, host }} />), user: userEvent.setup() };
  }

  test("an existing contact shows its company; the verdict takes one call, the company at most one more after it", async () => {
    pane.emulator.reset({
      contacts: [
        {
          ContactExternalEmailAddress: JANE.emailAddress,
          ContactName: "Jane Doe",
          ContactDisplayName: "Jane Doe",
          ContactCompany: "Fabrikam",
        },
      ],
    });
    renderSender(JANE);
    await screen.findByText("In the address book", {}, WAIT);
    const details = screen.getByRole("region", { name: strings.existing.regionLabel });
    expect(
      await within(details).findByText(`${strings.existing.company}: Fabrikam`, {}, WAIT),
    ).toBeInTheDocument();
    expect(calls()).toEqual(exchange ? [SEARCH, "Get-Contact"] : [SEARCH]);
  });

  test.each([
    { kind: "guest", seed: "guest", name: "Ada (guest)" },
    { kind: "mailbox", seed: "mailbox", name: "Ada Lovelace" },
    { kind: "group", seed: "group", name: "Engines team" },
  ] as const)(
    "an address a $kind holds: named instead of Add where the backend can ask, after the verdict",
    async ({ kind, seed, name }) => {
      pane.emulator.reset({ recipients: [{ address: ADA.emailAddress, name, kind: seed }] });
      const { container } = renderSender(ADA);
      const sentence = `${strings.addressHolder.heldBy[kind](name)} ${strings.addressHolder.cannotAdd}`;
      if (exchange) {
        const note = await screen.findByRole("region", { name: strings.addressHolder.regionLabel }, WAIT);
        expect(note).toHaveTextContent(sentence);
        expect(screen.getByText(strings.verdict.heldByOther)).toBeInTheDocument();
        expect(screen.queryByRole("button", { name: strings.promote.add })).not.toBeInTheDocument();
        // Screen readers hear the new verdict too, not only the first "not in the address book".
        await waitFor(
          () =>
            expect(container.querySelector("[data-pane-announcements]")).toHaveTextContent(
              strings.verdict.heldByOther,
            ),
          WAIT,
        );
        // The verdict's one search came first; the holder was asked after it, once.
        expect(calls()).toEqual([SEARCH, "Get-Recipient"]);
        await expectNoAxeViolations(container);
      } else {
        // The admin center cannot ask before a create: Add is offered, and a create would name the holder.
        await waitFor(
          () => expect(screen.getByRole("button", { name: strings.promote.add })).toBeEnabled(),
          WAIT,
        );
        expect(screen.queryByText(sentence)).not.toBeInTheDocument();
        expect(calls()).toEqual([SEARCH]);
      }
    },
  );

  // Only a backend that can ask for the holder has a holder check to keep off the verdict's path.
  (exchange ? test : test.skip)(
    "the verdict does not wait for the holder check: 'not in the address book' shows while Get-Recipient is still out",
    async () => {
      pane.emulator.reset({
        recipients: [{ address: ADA.emailAddress, name: "Ada (guest)", kind: "guest" }],
      });
      pane.emulator.addFault({ route: "Get-Recipient", latencyMs: 1500 });
      renderSender(ADA);
      await screen.findByText(strings.verdict.missing);
      const holderCall = () => pane.emulator.requests().find((request) => request.cmdlet === "Get-Recipient");
      await waitFor(() => expect(holderCall()).toBeDefined(), WAIT);
      // Asked, not yet answered (status 0), and the verdict is already on screen.
      expect(holderCall()?.status).toBe(0);
      expect(screen.getByText(strings.verdict.missing)).toBeInTheDocument();
      expect(await screen.findByText(strings.verdict.heldByOther, {}, { timeout: 4000 })).toBeInTheDocument();
    },
  );

  test("an address nobody else holds keeps Add", async () => {
    pane.emulator.reset({});
    renderSender(ADA);
    await screen.findByText("Not in the address book yet", {}, WAIT);
    await waitFor(
      () => expect(screen.getByRole("button", { name: strings.promote.add })).toBeEnabled(),
      WAIT,
    );
    await waitFor(() => expect(calls()).toEqual(exchange ? [SEARCH, "Get-Recipient"] : [SEARCH]), WAIT);
    expect(screen.queryByRole("region", { name: strings.addressHolder.regionLabel })).not.toBeInTheDocument();
  });
});
