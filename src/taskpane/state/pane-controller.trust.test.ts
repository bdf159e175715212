/**
 * The controller keeps the sender-trust guard whatever the buttons show: a new create needs
 * the guard's leave, an Add clicked while the check runs waits for it, and the headers are
 * read at selection beside the lookup (not after it).
 */
import type { ContactDirectory, MailContact, NewMailContact } from "../../contacts/directory";
import { ContactLookup } from "../../contacts/lookup";
import { eopResults, inbound } from "../../contacts/trust/__fixtures__/internet-headers";
import type { OrganizationConfig } from "../../contacts/types";
import type { PaneServices } from "../pane-services";
import { RetryNoticeHub } from "../services/retry-notices";
import { FakeMailHost, messageFrom } from "../test-support/fake-mail-host";
import { mailContact } from "../test-support/fixtures";
import { PaneController } from "./pane-controller";
import { personFor } from "./pane-state";

const ANNA = { displayName: "Anna Alvarez", emailAddress: "anna@fabrikam.com" };
const ORG = { internalDomains: ["contoso.com"], mailTipTemplate: "External contact at {domain}." };
const FAILING = inbound({ eop: eopResults("fabrikam.com", { dmarc: "fail", compauth: "fail" }) });

class CountingDirectory implements ContactDirectory {
  creates = 0;
  searches = 0;
  /** Who the directory holds (by address); everyone else is missing. */
  holds = new Set<string>();
  async findByAddress(address: string): Promise<MailContact | null> {
    this.searches += 1;
    return this.holds.has(address) ? mailContact({ address }) : null;
  }
  async create(contact: NewMailContact): Promise<MailContact | null> {
    this.creates += 1;
    return mailContact({ address: contact.address, name: contact.name, displayName: contact.displayName });
  }
  async updateGeneral(current: MailContact, changes: Partial<MailContact>): Promise<MailContact> {
    return { ...current, ...changes };
  }
  async updateOptions(current: MailContact, changes: Partial<MailContact>): Promise<MailContact> {
    return { ...current, ...changes };
  }
}

function setUp(headers: string, org: OrganizationConfig = ORG) {
  const host = new FakeMailHost({ item: messageFrom(ANNA) });
  host.internetHeaders = headers;
  const directory = new CountingDirectory();
  const services: PaneServices = {
    host,
    directory,
    org,
    signInAgain: async () => {},
    onRetryNotice: new RetryNoticeHub().subscribe,
  };
  const controller = new PaneController(services, { lookup: new ContactLookup(directory) });
  return { host, directory, controller };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

test("the headers are read at selection, with the lookup already asked", () => {
  const { host, directory, controller } = setUp("");
  const read = jest.spyOn(host, "readInternetHeaders");
  controller.start();
  expect(directory.searches).toBe(1);
  expect(read).toHaveBeenCalledTimes(1);
  controller.stop();
});

test("an Add clicked while the check runs waits for it, then creates a sender with nothing wrong", async () => {
  const { directory, controller } = setUp("");
  controller.start();
  await controller.trust.settled();
  // A draft exists once the workflow chunk is there; select again so the check is in flight.
  controller.showCurrentItem();
  expect(controller.trust.getState().kind).toBe("checking");
  controller.promote();
  await settle();
  expect(directory.creates).toBe(1);
  controller.stop();
});

test("a failing sender is not created without confirmation, even when promote is called directly", async () => {
  const { directory, controller } = setUp(FAILING);
  controller.start();
  await controller.trust.settled();
  await settle();
  controller.promote();
  await settle();
  expect(directory.creates).toBe(0);
  expect(personFor(controller.getState(), "anna@fabrikam.com").promotion).toBeNull();
  controller.promote({ confirmed: true });
  await settle();
  expect(directory.creates).toBe(1);
  controller.stop();
});

test("under block, not even a confirmed create goes through", async () => {
  const { directory, controller } = setUp(FAILING, { ...ORG, trustPolicy: "block" });
  controller.start();
  await controller.trust.settled();
  await settle();
  controller.promote({ confirmed: true });
  await settle();
  expect(directory.creates).toBe(0);
  controller.stop();
});

test("a contact found by a lookup makes its domain a known one for the next sender's look-alike check", async () => {
  const host = new FakeMailHost({
    item: messageFrom({ displayName: "Daniel Okafor", emailAddress: "d@northwindtraders.com" }),
  });
  const directory = new CountingDirectory();
  directory.holds.add("d@northwindtraders.com");
  const controller = new PaneController(
    { host, directory, org: ORG, signInAgain: async () => {}, onRetryNotice: new RetryNoticeHub().subscribe },
    { lookup: new ContactLookup(directory) },
  );
  controller.start();
  await settle();
  host.selectMessage({ displayName: "Daniel Okafor", emailAddress: "d@northwind-traders.com" });
  await controller.trust.settled();
  await settle();
  expect(controller.trust.getState()).toMatchObject({
    risks: [
      { kind: "look-alike", lookAlike: { known: { domain: "northwindtraders.com", source: "contact" } } },
    ],
  });
  controller.stop();
});
