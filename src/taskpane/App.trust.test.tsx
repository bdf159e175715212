/** @jest-environment ./test/setup/jsdom-with-fetch.ts */
/**
 * The sender-trust guard as the pane shows it, against the emulator over HTTP: the card's
 * verdict, the one-click Add only for a sender with nothing wrong, the confirmation path,
 * the block policy, and a look-alike's draft without the borrowed company.
 */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { eopResults, inbound } from "../contacts/trust/__fixtures__/internet-headers";
import type { OrganizationConfig } from "../contacts/types";
import { App } from "./App";
import { TEST_ORGANIZATION, useEmulatedPane } from "./test-support/emulator-services";
import { FakeMailHost, messageFrom } from "./test-support/fake-mail-host";
import { strings } from "./strings";
import { TRUST_SENTENCES } from "./locales/trust-sentences";

const pane = useEmulatedPane();

const SAM = { displayName: "Sam Smith", emailAddress: "sam.smith@northwind.example" };
const PASSING = inbound({ eop: eopResults("northwind.example"), domain: "northwind.example" });
const FAILING = inbound({
  eop: eopResults("northwind.example", { spf: "fail", dkim: "none", dmarc: "fail", compauth: "fail" }),
  domain: "northwind.example",
});

function stored(address: string) {
  return pane.emulator.contacts().filter((contact) => contact.ContactExternalEmailAddress === address);
}

async function renderSender(
  from: { displayName: string; emailAddress: string },
  headers: string,
  org: OrganizationConfig = TEST_ORGANIZATION,
) {
  const host = new FakeMailHost({ item: messageFrom(from) });
  host.internetHeaders = headers;
  const user = userEvent.setup();
  const view = render(<App services={{ ...pane.services, host, org }} />);
  await screen.findByText(strings.verdict.missing);
  return { ...view, user, host };
}

test("a verified sender: the trust line says so, and Add stays one click", async () => {
  const { user } = await renderSender(SAM, PASSING);
  await screen.findByText(strings.trust.status.verified);
  await user.click(screen.getByRole("button", { name: strings.promote.add }));
  await screen.findByText(strings.progress.added);
  expect(stored(SAM.emailAddress)).toHaveLength(1);
});

test("Add waits for the sender check: with the draft ready and the headers still being read, it cannot be clicked", async () => {
  const host = new FakeMailHost({ item: messageFrom(SAM) });
  let deliverHeaders: (headers: string) => void = () => undefined;
  host.readInternetHeaders = () => new Promise((resolve) => (deliverHeaders = resolve));
  render(<App services={{ ...pane.services, host }} />);
  await screen.findByText(strings.verdict.missing);
  // Long enough for the draft's chunk and prefill, well inside the check's 3 s header wait.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const add = () => screen.getByRole("button", { name: strings.promote.add });
  expect(add()).toBeDisabled();
  expect(add().closest('[aria-busy="true"]')).not.toBeNull();
  deliverHeaders(PASSING);
  await screen.findByText(strings.trust.status.verified);
  expect(add()).toBeEnabled();
  expect(add().closest('[aria-busy="true"]')).toBeNull();
});

test("a failing sender: no one-click Add; the confirmation names the risk, Cancel creates nothing, Add anyway creates", async () => {
  const { user } = await renderSender(SAM, FAILING);
  await screen.findByText(strings.trust.status.failed);
  expect(screen.queryByRole("button", { name: strings.promote.add })).toBeNull();
  await user.click(screen.getByRole("button", { name: strings.trust.addAnyway }));
  expect(screen.getByRole("alertdialog")).toHaveTextContent(
    TRUST_SENTENCES.en.risk.authenticationFailed("northwind.example"),
  );
  await user.click(screen.getByRole("button", { name: strings.trust.cancel }));
  expect(stored(SAM.emailAddress)).toHaveLength(0);
  await user.click(screen.getByRole("button", { name: strings.trust.addAnyway }));
  await user.click(screen.getByRole("button", { name: strings.trust.confirmAdd }));
  await screen.findByText(strings.progress.added);
  expect(stored(SAM.emailAddress)).toHaveLength(1);
});

test("block: a failing sender cannot be added from the pane at all; the verdict stays", async () => {
  await renderSender(SAM, FAILING, { ...TEST_ORGANIZATION, trustPolicy: "block" });
  await screen.findByText(strings.trust.blocked);
  expect(screen.getByText(strings.trust.status.failed)).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: strings.promote.add })).toBeNull();
  expect(screen.queryByRole("button", { name: strings.trust.addAnyway })).toBeNull();
});

test("a look-alike of the organization's domain: named on the card, no company borrowed, confirmation before adding", async () => {
  const from = { displayName: "Alex Wilber", emailAddress: "alex.wilber@contoso.co" };
  const { user } = await renderSender(from, inbound({ eop: eopResults("contoso.co"), domain: "contoso.co" }));
  await screen.findByText(TRUST_SENTENCES.en.risk.lookAlike("contoso.co", "contoso.com", "organization"));
  await screen.findByText(strings.sender.noCompany);
  await user.click(screen.getByRole("button", { name: strings.trust.addAnyway }));
  await user.click(screen.getByRole("button", { name: strings.trust.confirmAdd }));
  await screen.findByText(strings.progress.added);
  await waitFor(() => expect(stored(from.emailAddress)).toHaveLength(1));
  expect(stored(from.emailAddress)[0]?.ContactCompany ?? "").toBe("");
});

test("a message without headers: not checked, said so, and one click", async () => {
  const { user } = await renderSender(SAM, "");
  await screen.findByText(TRUST_SENTENCES.en.reason["headers-empty"]());
  await user.click(screen.getByRole("button", { name: strings.promote.add }));
  await screen.findByText(strings.progress.added);
});
