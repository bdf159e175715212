/** A complete MailContact for unit tests of the contacts workflows: Ada Lovelace, visible, no mail tip. */
import type { MailContact } from "../directory";

export function mailContact(overrides: Partial<MailContact> = {}): MailContact {
  return {
    id: "id-1",
    name: "Ada Lovelace",
    displayName: "Ada Lovelace",
    firstName: "Ada",
    lastName: "Lovelace",
    address: "ada@analytical.example",
    company: "Analytical Engines",
    title: "",
    phone: "",
    mobilePhone: "",
    fax: "",
    webPage: "",
    mailTip: "",
    hiddenFromAddressLists: false,
    dirSynced: false,
    adminCenterUrl: "https://admin.exchange.microsoft.com/x",
    raw: {},
    ...overrides,
  };
}
