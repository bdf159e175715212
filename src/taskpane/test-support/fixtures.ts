/**
 * Small hand-made domain values for pane tests that are about rendering and state, not
 * about the sender analysis (which has its own table of real senders).
 */
import type { MailContact } from "../../contacts/directory";
import type { ContactDraft, SenderAnalysis } from "../../contacts/types";

export function mailContact(overrides: Partial<MailContact> = {}): MailContact {
  const id = overrides.id ?? "8b0c6d1e-0000-4000-8000-000000000001";
  return {
    id,
    name: "Jane Doe",
    displayName: "Jane Doe",
    firstName: "Jane",
    lastName: "Doe",
    address: "jane@fabrikam.com",
    company: "Fabrikam",
    title: "",
    phone: "",
    mobilePhone: "",
    fax: "",
    webPage: "",
    mailTip: "External contact: Jane Doe from Fabrikam.",
    hiddenFromAddressLists: false,
    dirSynced: false,
    adminCenterUrl: `https://admin.exchange.microsoft.com/?landingpage=contacts/:/ContactDetails/mailContact/${id}&form=mac_sidebar`,
    raw: {},
    ...overrides,
  };
}

export function externalAnalysis(address: string, displayName: string): SenderAnalysis {
  const [localPart = "", domain = ""] = address.split("@");
  return {
    kind: "external",
    reason: { code: "external", address },
    displayName,
    address: {
      address,
      displayAddress: address,
      localPart,
      domain,
      displayDomain: domain,
      mixedScriptDomain: false,
    },
    onBehalfOf: null,
    warnings: [],
  };
}

export function contactDraft(overrides: Partial<ContactDraft> = {}): ContactDraft {
  return {
    address: "jane@fabrikam.com",
    displayName: "Jane Doe",
    firstName: "Jane",
    lastName: "Doe",
    company: "Fabrikam",
    mailTip: "External contact: Jane Doe from Fabrikam.",
    hiddenFromAddressLists: false,
    name: "Jane Doe",
    notes: [],
    ...overrides,
  };
}
