/**
 * The emulated organization: its mail contacts and the other recipients whose names and
 * addresses are taken. Kept sorted by (Name, id) so that paging is stable, with
 * case-insensitive indexes for the uniqueness rules. Every mutating method is synchronous,
 * so a check and the insert it guards can never be interleaved with another request.
 */
import { randomUUID } from "node:crypto";
import { exchangeAdminCenterUrl, type ContactRecord } from "../admin-api/wire";
import { addressKey } from "../contacts/address";
import { EXCHANGE_MESSAGES } from "../contacts/exchange-rules";
import {
  checkLength,
  deriveAlias,
  dirSyncedMessage,
  EmulatedApiError,
  emptyParameterMessage,
  normalizeMailTip,
  notFoundMessage,
  parseExternalAddress,
  readBooleanField,
  readTextField,
  validationError,
} from "./exchange-validation";
import type { SeedContact, SeedRecipient } from "./seed";

interface StoredContact {
  record: ContactRecord;
  nameKey: string;
  displayKey: string;
  /** The address lower-cased: what GetContacts' SearchString is compared with (startsWith). */
  addressSearch: string;
  /** Epoch ms from which searches see it and updates find it (replication lag). */
  visibleAt: number;
}

interface TakenName {
  /** Who holds it, as Exchange names them in its messages. */
  holder: string;
  contactId: string | null;
  /** For an address: the holder's RecipientTypeDetails. */
  recipientType?: string;
}

/** The RecipientTypeDetails of a seeded recipient kind. */
const RECIPIENT_TYPE_OF_KIND: Record<SeedRecipient["kind"], string> = {
  mailbox: "UserMailbox",
  guest: "GuestMailUser",
  group: "MailUniversalDistributionGroup",
  "mail-user": "MailUser",
  "contact-other": "MailContact",
};

/** The store's key of an address as InvokeCommand names it (an `SMTP:` prefix allowed). */
function keyOfAddress(value: string): string {
  return addressKey(value.trim().replace(/^smtp:/i, ""));
}

/** A recipient that holds an address, as Get-Recipient shows it. */
export interface AddressHolding {
  name: string;
  address: string;
  recipientTypeDetails: string;
  /** Set when the holder is one of the store's mail contacts. */
  contact: ContactRecord | null;
}

/** Fields of the full contact object that the general update (Set-Contact) applies. */
export const GENERAL_TEXT_FIELDS = [
  "ContactName",
  "ContactDisplayName",
  "ContactSimpleDisplayName",
  "ContactPhoneticDisplayName",
  "ContactFirstName",
  "ContactInitials",
  "ContactLastName",
  "ContactCompany",
  "ContactDepartment",
  "ContactOffice",
  "ContactTitle",
  "ContactPhone",
  "ContactMobilePhone",
  "ContactFax",
  "ContactWebPage",
  "ContactStreetAddress",
  "ContactStreetAddress2",
  "ContactStreetAddress3",
  "ContactCity",
  "ContactStateOrProvince",
  "ContactPostalCode",
] as const;

/** Create-body fields that take effect on create besides names, address and mail tip. */
const CREATE_TEXT_FIELDS = [
  "ContactFirstName",
  "ContactLastName",
  "ContactTitle",
  "ContactWebPage",
  "ContactPhone",
  "ContactMobilePhone",
  "ContactFax",
] as const;

/** Every field of the full contact object, null when unset. */
function blankRecord(id: string, address: string): ContactRecord {
  return {
    ContactId: id,
    ContactName: null,
    ContactDisplayName: null,
    ContactSimpleDisplayName: null,
    ContactPhoneticDisplayName: null,
    ContactFirstName: null,
    ContactInitials: null,
    ContactLastName: null,
    ContactAlias: null,
    ContactExternalEmailAddress: address,
    ContactEmailAddresses: [`SMTP:${address}`],
    ContactSmtp: address,
    ContactDomain: address.slice(address.lastIndexOf("@") + 1),
    ContactMailTip: null,
    ContactHiddenFromAddressListsEnabled: false,
    ContactCompany: null,
    ContactDepartment: null,
    ContactOffice: null,
    ContactTitle: null,
    ContactPhone: null,
    ContactMobilePhone: null,
    ContactFax: null,
    ContactWebPage: null,
    ContactStreetAddress: null,
    ContactStreetAddress2: null,
    ContactStreetAddress3: null,
    ContactCity: null,
    ContactStateOrProvince: null,
    ContactPostalCode: null,
    ContactCountryOrRegion: null,
    ShowLastNameFirst: false,
    ShowZipCodeFirst: false,
    IsDirSynced: false,
    selected: false,
    EditExchangeSettingsUrl: exchangeAdminCenterUrl(id),
  };
}

function compareStored(a: StoredContact, b: StoredContact): number {
  if (a.nameKey !== b.nameKey) return a.nameKey < b.nameKey ? -1 : 1;
  const idA = a.record.ContactId;
  const idB = b.record.ContactId;
  return idA === idB ? 0 : idA < idB ? -1 : 1;
}

export interface SearchPage {
  contacts: ContactRecord[];
  /** Null on the last page. */
  nextLink: string | null;
}

/** What a NextLink carries: the search it belongs to and where the next page starts. */
interface PageCursor {
  s: string;
  /** How many matches came before the next page (informational: resumption is by key). */
  o: number;
  /** Sort key of the last contact returned. */
  n: string;
  i: string;
}

function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

function decodeCursor(nextLink: string, searchString: string): PageCursor {
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(nextLink, "base64url").toString("utf8"));
  } catch {
    throw validationError("The NextLink is not valid.");
  }
  if (
    typeof cursor !== "object" ||
    cursor === null ||
    typeof (cursor as PageCursor).s !== "string" ||
    typeof (cursor as PageCursor).o !== "number" ||
    typeof (cursor as PageCursor).n !== "string" ||
    typeof (cursor as PageCursor).i !== "string"
  ) {
    throw validationError("The NextLink is not valid.");
  }
  if ((cursor as PageCursor).s !== searchString) {
    throw validationError("The NextLink does not belong to this SearchString.");
  }
  return cursor as PageCursor;
}

/** A seed that breaks the organization's uniqueness rules (duplicate name, address or id). */
export class SeedConflictError extends Error {
  constructor(message: string) {
    super(`Emulator seed: ${message}`);
    this.name = "SeedConflictError";
  }
}

export class ContactStore {
  /** Sorted by (nameKey, id). */
  private sorted: StoredContact[] = [];
  private readonly byId = new Map<string, StoredContact>();
  private readonly names = new Map<string, TakenName>();
  private readonly addresses = new Map<string, TakenName>();
  private readonly aliases = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.sorted.length;
  }

  /** Loads the seed. Throws on a seed that breaks the uniqueness rules. Call on an empty store. */
  load(
    contacts: readonly SeedContact[],
    recipients: readonly SeedRecipient[],
    generated: SeedContact[],
  ): void {
    for (const recipient of recipients) {
      const address = recipient.address.trim().replace(/^smtp:/i, "");
      this.claim(this.addresses, addressKey(address), recipient.name, null, "recipient address");
      this.addresses.get(addressKey(address))!.recipientType = RECIPIENT_TYPE_OF_KIND[recipient.kind];
      this.claim(this.names, recipient.name.toLowerCase(), recipient.name, null, "recipient name");
    }
    const loaded: StoredContact[] = [];
    for (const seed of [...contacts, ...generated]) loaded.push(this.storeSeedContact(seed));
    // One sort for the whole seed keeps loading 100,000 contacts O(N log N), not O(N^2).
    loaded.sort(compareStored);
    this.sorted = loaded;
  }

  private claim(
    index: Map<string, TakenName>,
    key: string,
    holder: string,
    id: string | null,
    what: string,
  ): void {
    if (index.has(key)) throw new SeedConflictError(`duplicate ${what} "${key}".`);
    index.set(key, { holder, contactId: id });
  }

  private storeSeedContact(seed: SeedContact): StoredContact {
    const address = seed.ContactExternalEmailAddress.trim().replace(/^smtp:/i, "");
    const id = seed.ContactId ?? randomUUID();
    const name = seed.ContactName ?? seed.ContactDisplayName ?? address.slice(0, address.indexOf("@"));
    const record: ContactRecord = { ...blankRecord(id, address), ...seed, ContactId: id };
    record.ContactExternalEmailAddress = address;
    record.ContactName = name;
    record.ContactDisplayName = seed.ContactDisplayName ?? name;
    record.ContactAlias = seed.ContactAlias ?? this.uniqueAlias(name);
    record.EditExchangeSettingsUrl = seed.EditExchangeSettingsUrl ?? exchangeAdminCenterUrl(id);
    record.ContactMailTip = normalizeMailTip(record.ContactMailTip ?? null);
    this.aliases.add(record.ContactAlias.toLowerCase());
    if (this.byId.has(id)) throw new SeedConflictError(`duplicate ContactId "${id}".`);
    this.claim(this.addresses, addressKey(address), name, id, "address");
    this.claim(this.names, name.toLowerCase(), name, id, "name");
    const stored: StoredContact = {
      record,
      nameKey: name.toLowerCase(),
      displayKey: (record.ContactDisplayName ?? "").toLowerCase(),
      addressSearch: address.toLowerCase(),
      visibleAt: 0,
    };
    this.byId.set(id, stored);
    return stored;
  }

  private uniqueAlias(name: string): string {
    const base = deriveAlias(name);
    if (!this.aliases.has(base.toLowerCase())) return base;
    for (let suffix = 2; ; suffix++) {
      const tail = String(suffix);
      const candidate = base.slice(0, 64 - tail.length) + tail;
      if (!this.aliases.has(candidate.toLowerCase())) return candidate;
    }
  }

  /** Every stored contact, replicated or not, in sort order. Copies. */
  all(): ContactRecord[] {
    return this.sorted.map((stored) => structuredClone(stored.record));
  }

  /**
   * One page of contacts whose Name, DisplayName or address starts with `searchString`
   * (case-insensitive). O(N) per page: resumes by binary search on the cursor's key.
   */
  search(searchString: string, nextLink: string | null, pageSize: number): SearchPage {
    const prefix = searchString.toLowerCase();
    let start = 0;
    let offset = 0;
    if (nextLink !== null && nextLink !== "") {
      const cursor = decodeCursor(nextLink, searchString);
      start = this.firstIndexAfter(cursor.n, cursor.i);
      offset = cursor.o;
    }
    const now = this.now();
    const page: StoredContact[] = [];
    let more = false;
    for (let index = start; index < this.sorted.length; index++) {
      const stored = this.sorted[index] as StoredContact;
      if (stored.visibleAt > now) continue;
      if (
        prefix !== "" &&
        !stored.nameKey.startsWith(prefix) &&
        !stored.displayKey.startsWith(prefix) &&
        !stored.addressSearch.startsWith(prefix)
      ) {
        continue;
      }
      if (page.length === pageSize) {
        more = true;
        break;
      }
      page.push(stored);
    }
    const last = page[page.length - 1];
    return {
      contacts: page.map((stored) => structuredClone(stored.record)),
      nextLink:
        more && last
          ? encodeCursor({
              s: searchString,
              o: offset + page.length,
              n: last.nameKey,
              i: last.record.ContactId,
            })
          : null,
    };
  }

  private firstIndexAfter(nameKey: string, id: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const stored = this.sorted[middle] as StoredContact;
      const after = stored.nameKey > nameKey || (stored.nameKey === nameKey && stored.record.ContactId > id);
      if (after) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  private insertSorted(stored: StoredContact): void {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareStored(this.sorted[middle] as StoredContact, stored) < 0) low = middle + 1;
      else high = middle;
    }
    this.sorted.splice(low, 0, stored);
  }

  private removeSorted(stored: StoredContact): void {
    const index = this.sorted.indexOf(stored);
    if (index >= 0) this.sorted.splice(index, 1);
  }

  private assertAddressFree(address: string): void {
    // Exchange's own rule: case-insensitive, a Unicode domain equal to its punycode form.
    const taken = this.addresses.get(addressKey(address));
    if (taken) throw validationError(EXCHANGE_MESSAGES.proxyAddressInUse(address, taken.holder));
  }

  private assertNameFree(name: string, exceptContactId: string | null): void {
    const taken = this.names.get(name.toLowerCase());
    if (taken && (exceptContactId === null || taken.contactId !== exceptContactId)) {
      throw validationError(EXCHANGE_MESSAGES.nameInUse(name));
    }
  }

  /** The visible (replicated) contact with this external address, or null. Exact, as Exchange compares. */
  findByAddress(address: string): ContactRecord | null {
    const taken = this.addresses.get(keyOfAddress(address));
    const stored = taken?.contactId ? this.byId.get(taken.contactId) : undefined;
    return stored && stored.visibleAt <= this.now() ? structuredClone(stored.record) : null;
  }

  /**
   * The visible contact an Exchange `-Identity` names: its id, Name or external address
   * (as Exchange resolves identities), or null.
   */
  findByIdentity(identity: string): ContactRecord | null {
    const id = this.idOf(identity);
    const stored = id === null ? undefined : this.byId.get(id);
    return stored && stored.visibleAt <= this.now() ? structuredClone(stored.record) : null;
  }

  /** The id of the contact an identity names even inside its replication lag (for writes' own checks). */
  idOf(identity: string): string | null {
    const key = identity.trim();
    if (this.byId.has(key)) return key;
    return (
      this.names.get(key.toLowerCase())?.contactId ?? this.addresses.get(keyOfAddress(key))?.contactId ?? null
    );
  }

  /** Who holds `address` (any recipient kind), as Get-Recipient sees it; contacts inside their lag are not seen. */
  holderOf(address: string): AddressHolding | null {
    const key = keyOfAddress(address);
    const taken = this.addresses.get(key);
    if (!taken) return null;
    if (taken.contactId !== null) {
      const stored = this.byId.get(taken.contactId);
      if (!stored || stored.visibleAt > this.now()) return null;
      return {
        name: stored.record.ContactDisplayName ?? taken.holder,
        address: stored.record.ContactExternalEmailAddress,
        recipientTypeDetails: "MailContact",
        contact: structuredClone(stored.record),
      };
    }
    return {
      name: taken.holder,
      address: key,
      recipientTypeDetails: taken.recipientType ?? "UserMailbox",
      contact: null,
    };
  }

  /** Every visible contact in sort order, from `offset`, at most `limit`; `more` when others follow. */
  visibleSlice(offset: number, limit: number): { contacts: ContactRecord[]; more: boolean } {
    const now = this.now();
    const contacts: ContactRecord[] = [];
    let seen = 0;
    for (const stored of this.sorted) {
      if (stored.visibleAt > now) continue;
      if (seen++ < offset) continue;
      if (contacts.length === limit) return { contacts, more: true };
      contacts.push(structuredClone(stored.record));
    }
    return { contacts, more: false };
  }

  /**
   * New-MailContact: validates the flat create body, then inserts. Ignores ContactCompany
   * and ContactHiddenFromAddressListsEnabled, as the real API does on create.
   */
  create(body: Record<string, unknown>, replicationLagMs: number): ContactRecord {
    const address = parseExternalAddress(readTextField(body, "ContactExternalEmailAddress"));
    const explicitName = readTextField(body, "ContactName");
    const displayNameField = readTextField(body, "ContactDisplayName");
    const name = (explicitName ?? displayNameField)?.trim() ?? null;
    if (name === null) throw validationError(emptyParameterMessage("Name"));
    const displayName = displayNameField ?? name;
    checkLength("ContactName", name);
    checkLength("ContactDisplayName", displayName);
    const texts: Partial<Record<(typeof CREATE_TEXT_FIELDS)[number], string | null>> = {};
    for (const field of CREATE_TEXT_FIELDS) {
      const value = readTextField(body, field) ?? null;
      checkLength(field, value);
      texts[field] = value;
    }
    const mailTip = normalizeMailTip(readTextField(body, "ContactMailTip") ?? null);
    checkLength("ContactMailTip", mailTip);
    // Read (so a wrongly typed value is still refused) but not applied.
    readTextField(body, "ContactCompany");
    readBooleanField(body, "ContactHiddenFromAddressListsEnabled");

    this.assertAddressFree(address);
    this.assertNameFree(name, null);

    const id = randomUUID();
    const record: ContactRecord = {
      ...blankRecord(id, address),
      ...texts,
      ContactName: name,
      ContactDisplayName: displayName,
      ContactAlias: this.uniqueAlias(name),
      ContactMailTip: mailTip,
    };
    const stored: StoredContact = {
      record,
      nameKey: name.toLowerCase(),
      displayKey: displayName.toLowerCase(),
      addressSearch: address.toLowerCase(),
      visibleAt: replicationLagMs > 0 ? this.now() + replicationLagMs : 0,
    };
    this.byId.set(id, stored);
    this.names.set(stored.nameKey, { holder: name, contactId: id });
    this.addresses.set(addressKey(address), { holder: name, contactId: id });
    this.aliases.add((record.ContactAlias as string).toLowerCase());
    this.insertSorted(stored);
    return structuredClone(record);
  }

  private findWritable(body: Record<string, unknown>, cmdlet: string): StoredContact {
    const id = body.ContactId;
    if (typeof id !== "string" || id.trim() === "") throw validationError(emptyParameterMessage("Identity"));
    const stored = this.byId.get(id);
    if (!stored || stored.visibleAt > this.now()) throw new EmulatedApiError(404, notFoundMessage(id));
    if (stored.record.IsDirSynced === true) {
      throw validationError(dirSyncedMessage(cmdlet, stored.record.ContactName ?? id));
    }
    return stored;
  }

  /** Set-Contact: names, display name, initials, company, department, office, title, phones, web page, postal address. */
  updateGeneral(body: Record<string, unknown>): ContactRecord {
    const stored = this.findWritable(body, "Set-Contact");
    const changes: Partial<Record<(typeof GENERAL_TEXT_FIELDS)[number], string | null>> = {};
    for (const field of GENERAL_TEXT_FIELDS) {
      const value = readTextField(body, field);
      if (value === undefined) continue;
      checkLength(field, value);
      changes[field] = value;
    }
    if (changes.ContactName === null) throw validationError(emptyParameterMessage("Name"));
    if (changes.ContactDisplayName === null) throw validationError(emptyParameterMessage("DisplayName"));
    const newName = changes.ContactName?.trim();
    if (newName !== undefined) {
      changes.ContactName = newName;
      this.assertNameFree(newName, stored.record.ContactId);
    }
    let country: ContactRecord["ContactCountryOrRegion"] | undefined;
    if ("ContactCountryOrRegion" in body) {
      const value = body.ContactCountryOrRegion;
      if (value !== null && value !== undefined && (typeof value !== "object" || Array.isArray(value))) {
        throw validationError('The value of property "ContactCountryOrRegion" must be an object.');
      }
      country = (value ?? null) as ContactRecord["ContactCountryOrRegion"];
    }

    // Everything validated: apply at once.
    const oldNameKey = stored.nameKey;
    Object.assign(stored.record, changes);
    if (country !== undefined) stored.record.ContactCountryOrRegion = structuredClone(country);
    if (newName !== undefined && newName.toLowerCase() !== oldNameKey) {
      this.names.delete(oldNameKey);
      this.removeSorted(stored);
      stored.nameKey = newName.toLowerCase();
      this.insertSorted(stored);
    }
    if (newName !== undefined) {
      this.names.set(stored.nameKey, { holder: newName, contactId: stored.record.ContactId });
      this.addresses.set(addressKey(stored.record.ContactExternalEmailAddress), {
        holder: newName,
        contactId: stored.record.ContactId,
      });
    }
    stored.displayKey = (stored.record.ContactDisplayName ?? "").toLowerCase();
    return structuredClone(stored.record);
  }

  /** Set-MailContact: the mail tip (plain text) and visibility in the address lists. */
  updateOptions(body: Record<string, unknown>): ContactRecord {
    const stored = this.findWritable(body, "Set-MailContact");
    const mailTipField = readTextField(body, "ContactMailTip");
    const mailTip = mailTipField === undefined ? undefined : normalizeMailTip(mailTipField);
    if (mailTip !== undefined) checkLength("ContactMailTip", mailTip);
    const hidden = readBooleanField(body, "ContactHiddenFromAddressListsEnabled");
    if (mailTip !== undefined) stored.record.ContactMailTip = mailTip;
    if (hidden !== undefined) stored.record.ContactHiddenFromAddressListsEnabled = hidden ?? false;
    return structuredClone(stored.record);
  }
}
