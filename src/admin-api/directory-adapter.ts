/**
 * The admin center behind the ContactDirectory seam: maps ContactRecord ↔ MailContact
 * and each directory operation onto one client call.
 *
 * Updates send back the full record as last read with only the intended fields
 * changed, because both PUTs take the whole object: anything left out would be
 * overwritten with blanks.
 */
import type {
  CallOptions,
  ContactDirectory,
  GeneralUpdate,
  MailContact,
  NewMailContact,
  OptionsUpdate,
} from "../contacts/directory";
import { DirectoryError } from "../contacts/directory-error";
import type { AdminCenterClient } from "./client";
import { mailTipFromWire } from "./mail-tip-wire";
import {
  ContactRecordSchema,
  exchangeAdminCenterUrl,
  type ContactRecord,
  type CreateContactBody,
} from "./wire";

/** The external address as a person would write it: Exchange may prefix it with `SMTP:`. */
function externalAddress(value: string): string {
  return /^smtp:/i.test(value.trim()) ? value.trim().slice(5) : value.trim();
}

export function toMailContact(record: ContactRecord): MailContact {
  const text = (value: string | null | undefined) => value ?? "";
  return {
    id: record.ContactId,
    name: text(record.ContactName),
    displayName: text(record.ContactDisplayName),
    firstName: text(record.ContactFirstName),
    lastName: text(record.ContactLastName),
    address: externalAddress(record.ContactExternalEmailAddress),
    company: text(record.ContactCompany),
    title: text(record.ContactTitle),
    phone: text(record.ContactPhone),
    mobilePhone: text(record.ContactMobilePhone),
    fax: text(record.ContactFax),
    webPage: text(record.ContactWebPage),
    mailTip: mailTipFromWire(record.ContactMailTip),
    hiddenFromAddressLists: record.ContactHiddenFromAddressListsEnabled === true,
    dirSynced: record.IsDirSynced === true,
    adminCenterUrl: record.EditExchangeSettingsUrl || exchangeAdminCenterUrl(record.ContactId),
    raw: record,
  };
}

/** The create body exactly as observed in use (`selected: false`), plus ContactName for Exchange's unique Name. */
export function toCreateContactBody(contact: NewMailContact): CreateContactBody {
  return {
    ContactFirstName: contact.firstName,
    ContactLastName: contact.lastName,
    ContactDisplayName: contact.displayName,
    ContactExternalEmailAddress: contact.address,
    ContactMailTip: contact.mailTip,
    ContactCompany: contact.company,
    ContactTitle: contact.title,
    ContactWebPage: contact.webPage,
    ContactPhone: contact.phone,
    ContactMobilePhone: contact.mobilePhone,
    ContactFax: contact.fax,
    ContactHiddenFromAddressListsEnabled: contact.hiddenFromAddressLists,
    selected: false,
    ContactName: contact.name,
  };
}

const GENERAL_FIELDS = {
  displayName: "ContactDisplayName",
  firstName: "ContactFirstName",
  lastName: "ContactLastName",
  company: "ContactCompany",
  title: "ContactTitle",
  phone: "ContactPhone",
  mobilePhone: "ContactMobilePhone",
  fax: "ContactFax",
  webPage: "ContactWebPage",
} as const satisfies Record<keyof GeneralUpdate, keyof ContactRecord>;

/** The record an update starts from: the snapshot this adapter put in `raw` on the last read. */
function recordOf(contact: MailContact): ContactRecord {
  const parsed = ContactRecordSchema.safeParse(contact.raw);
  if (!parsed.success) {
    // Not read from the admin center (another backend's, or a hand-made object): a bug, not weather.
    throw new DirectoryError({
      kind: "protocol",
      reason: "unexpected-shape",
      detail: "the contact's raw snapshot is not an admin center record",
    });
  }
  return parsed.data;
}

export function generalUpdateRecord(current: MailContact, changes: GeneralUpdate): ContactRecord {
  const record: ContactRecord = { ...recordOf(current) };
  for (const key of Object.keys(GENERAL_FIELDS) as (keyof GeneralUpdate)[]) {
    const value = changes[key];
    if (value !== undefined) record[GENERAL_FIELDS[key]] = value;
  }
  return record;
}

export function optionsUpdateRecord(current: MailContact, changes: OptionsUpdate): ContactRecord {
  const record: ContactRecord = { ...recordOf(current) };
  // Always plain text: sending back the `<html><body>` form Exchange returned would
  // count the wrapper against the 175-character limit (or be wrapped a second time).
  if (changes.mailTip !== undefined) record.ContactMailTip = changes.mailTip;
  else if (record.ContactMailTip) record.ContactMailTip = mailTipFromWire(record.ContactMailTip);
  if (changes.hiddenFromAddressLists !== undefined) {
    record.ContactHiddenFromAddressListsEnabled = changes.hiddenFromAddressLists;
  }
  return record;
}

export class AdminCenterDirectory implements ContactDirectory {
  readonly #client: AdminCenterClient;

  constructor(client: AdminCenterClient) {
    this.#client = client;
  }

  async findByAddress(address: string, options: CallOptions = {}): Promise<MailContact | null> {
    if (address.trim() === "") return null;
    const record = await this.#client.findContactByAddress(address, { signal: options.signal });
    return record ? toMailContact(record) : null;
  }

  async create(contact: NewMailContact, options: CallOptions = {}): Promise<MailContact | null> {
    const result = await this.#client.createContact(toCreateContactBody(contact), { signal: options.signal });
    return result.contact ? toMailContact(result.contact) : null;
  }

  async updateGeneral(
    current: MailContact,
    changes: GeneralUpdate,
    options: CallOptions = {},
  ): Promise<MailContact> {
    const stored = await this.#client.updateContactGeneral(generalUpdateRecord(current, changes), {
      signal: options.signal,
    });
    return toMailContact(stored);
  }

  async updateOptions(
    current: MailContact,
    changes: OptionsUpdate,
    options: CallOptions = {},
  ): Promise<MailContact> {
    const stored = await this.#client.updateContactOptions(optionsUpdateRecord(current, changes), {
      signal: options.signal,
    });
    return toMailContact(stored);
  }
}
