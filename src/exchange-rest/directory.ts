/**
 * Exchange Online's InvokeCommand behind the ContactDirectory seam.
 *
 *   findByAddress  Get-MailContact -Filter "ExternalEmailAddress -eq 'SMTP:…'"  (one exact call)
 *   findHolder     Get-Recipient -Filter "EmailAddresses -eq 'smtp:…'"
 *   readDetails    Get-Contact -Identity <guid>       (company and the other Set-Contact fields)
 *   create         New-MailContact
 *   updateGeneral  Set-Contact -Identity <guid>       (only the changed parameters)
 *   updateOptions  Set-MailContact -Identity <guid>   (only the changed parameters)
 *
 * A verdict costs one call: Get-MailContact does not carry the Set-Contact properties
 * (company, title, phones), so they are read with Get-Contact only by `readDetails`,
 * when the pane shows them. Set-* take only what changes, so no read precedes a write.
 */
import type {
  CallOptions,
  ContactDirectory,
  GeneralUpdate,
  MailContact,
  NewMailContact,
  OptionsUpdate,
} from "../contacts/directory";
import { DirectoryError, isDirectoryError, type AddressHolder } from "../contacts/directory-error";
import { sameAddress } from "../contacts/address";
import { exchangeAdminCenterUrl } from "../admin-api/wire-constants";
import { mailTipFromWire } from "../admin-api/mail-tip-wire";
import type { ExchangeRestClient } from "./client";
import {
  ContactObjectSchema,
  MailContactObjectSchema,
  RECIPIENT_TYPE_KINDS,
  RecipientObjectSchema,
  emailAddressesFilter,
  externalAddressFilter,
  objectIdentity,
  type ContactObject,
  type MailContactObject,
  type ParameterValue,
} from "./wire";

/** How long after our own create a not-found on Set-* means "not visible yet" rather than "deleted". */
const FRESH_CONTACT_WINDOW_MS = 120_000;

/** What `MailContact.raw` holds for this backend. */
interface ExchangeSnapshot {
  backend: "exchange-rest";
  mailContact: MailContactObject;
  contact?: ContactObject;
}

function isSnapshot(raw: unknown): raw is ExchangeSnapshot {
  return typeof raw === "object" && raw !== null && (raw as ExchangeSnapshot).backend === "exchange-rest";
}

/** `SMTP:x@y` → `x@y`. */
function withoutPrefix(value: string): string {
  const trimmed = value.trim();
  return /^smtp:/i.test(trimmed) ? trimmed.slice(5) : trimmed;
}

function protocolError(operation: DirectoryError["operation"], detail: string, requestId?: string) {
  return new DirectoryError({ kind: "protocol", reason: "unexpected-shape", operation, detail, requestId });
}

function toMailContact(object: MailContactObject, contact?: ContactObject): MailContact {
  const text = (value: string | null | undefined) => value ?? "";
  const id = objectIdentity(object) ?? "";
  return {
    id,
    name: text(object.Name),
    displayName: text(object.DisplayName),
    firstName: text(contact?.FirstName),
    lastName: text(contact?.LastName),
    address: withoutPrefix(object.ExternalEmailAddress),
    company: text(contact?.Company),
    title: text(contact?.Title),
    phone: text(contact?.Phone),
    mobilePhone: text(contact?.MobilePhone),
    fax: text(contact?.Fax),
    webPage: text(contact?.WebPage),
    mailTip: mailTipFromWire(object.MailTip),
    hiddenFromAddressLists: object.HiddenFromAddressListsEnabled === true,
    dirSynced: object.IsDirSynced === true,
    adminCenterUrl: exchangeAdminCenterUrl(object.ExternalDirectoryObjectId || id),
    raw: {
      backend: "exchange-rest",
      mailContact: object,
      ...(contact ? { contact } : {}),
    } satisfies ExchangeSnapshot,
  };
}

/** Parameters with a value: "" means "not set" on the seam, and is not sent. */
function setParameters(values: Record<string, string | undefined>): Record<string, ParameterValue> {
  const parameters: Record<string, ParameterValue> = {};
  for (const [name, value] of Object.entries(values)) if (value) parameters[name] = value;
  return parameters;
}

const GENERAL_PARAMETERS = {
  displayName: "DisplayName",
  firstName: "FirstName",
  lastName: "LastName",
  company: "Company",
  title: "Title",
  phone: "Phone",
  mobilePhone: "MobilePhone",
  fax: "Fax",
  webPage: "WebPage",
} as const satisfies Record<keyof GeneralUpdate, string>;

export interface ExchangeRestDirectoryOptions {
  now?: () => number;
  /**
   * Identities created through this backend and when; shared by directories that should
   * know each other's creates (the pane makes one directory per call, for its retry notices).
   */
  created?: Map<string, number>;
}

export class ExchangeRestDirectory implements ContactDirectory {
  readonly #client: ExchangeRestClient;
  readonly #now: () => number;
  /** Identities this directory created, and when: a not-found on them soon after is replication lag. */
  readonly #created: Map<string, number>;

  constructor(client: ExchangeRestClient, options: ExchangeRestDirectoryOptions = {}) {
    this.#client = client;
    this.#now = options.now ?? Date.now;
    this.#created = options.created ?? new Map();
  }

  async findByAddress(address: string, options: CallOptions = {}): Promise<MailContact | null> {
    if (address.trim() === "") return null;
    const result = await this.#client.invoke(
      "Get-MailContact",
      { Filter: externalAddressFilter(address) },
      { operation: "findByAddress", signal: options.signal },
    );
    for (const object of result.objects) {
      const parsed = MailContactObjectSchema.safeParse(object);
      if (!parsed.success)
        throw protocolError("findByAddress", "mail contact without ExternalEmailAddress", result.requestId);
      // The filter is exact already; this guards against a server that matched loosely.
      if (sameAddress(withoutPrefix(parsed.data.ExternalEmailAddress), address)) {
        if (!objectIdentity(parsed.data))
          throw protocolError("findByAddress", "mail contact without identity", result.requestId);
        return toMailContact(parsed.data);
      }
    }
    return null;
  }

  async findHolder(address: string, options: CallOptions = {}): Promise<AddressHolder | null> {
    if (address.trim() === "") return null;
    const result = await this.#client.invoke(
      "Get-Recipient",
      { Filter: emailAddressesFilter(address) },
      { operation: "findHolder", signal: options.signal },
    );
    const first = result.objects[0];
    if (first === undefined) return null;
    const parsed = RecipientObjectSchema.safeParse(first);
    if (!parsed.success)
      throw protocolError("findHolder", "recipient without RecipientTypeDetails", result.requestId);
    const kinds: Record<string, AddressHolder["kind"]> = RECIPIENT_TYPE_KINDS;
    return {
      name: parsed.data.DisplayName || parsed.data.Name || "",
      kind: kinds[parsed.data.RecipientTypeDetails] ?? "other",
    };
  }

  async create(contact: NewMailContact, options: CallOptions = {}): Promise<MailContact | null> {
    // An address already held comes back as conflict/address-held-by with the holder's name
    // from Exchange's text; the workflow asks findHolder for its kind.
    const result = await this.#client.invoke(
      "New-MailContact",
      setParameters({
        Name: contact.name,
        ExternalEmailAddress: contact.address,
        DisplayName: contact.displayName,
        FirstName: contact.firstName,
        LastName: contact.lastName,
      }),
      { operation: "create", signal: options.signal },
    );
    const object = result.objects[0];
    if (object === undefined) return null;
    const parsed = MailContactObjectSchema.safeParse(object);
    const identity = parsed.success ? objectIdentity(parsed.data) : null;
    // Created, but the echo is unreadable: say so with nothing to lose (the caller finds it by address).
    if (!parsed.success || !identity) return null;
    this.#created.set(identity, this.#now());
    // New-MailContact took the first and last name it was given; Get-MailContact does not echo them.
    return toMailContact(parsed.data, { FirstName: contact.firstName, LastName: contact.lastName });
  }

  async updateGeneral(
    current: MailContact,
    changes: GeneralUpdate,
    options: CallOptions = {},
  ): Promise<MailContact> {
    const snapshot = this.#snapshotOf(current, "updateGeneral");
    const parameters: Record<string, ParameterValue> = {};
    for (const key of Object.keys(GENERAL_PARAMETERS) as (keyof GeneralUpdate)[]) {
      const value = changes[key];
      // "" clears the property: Exchange takes $null for that.
      if (value !== undefined) parameters[GENERAL_PARAMETERS[key]] = value === "" ? null : value;
    }
    if (Object.keys(parameters).length === 0) return current;
    await this.#write("Set-Contact", "updateGeneral", current.id, parameters, options);
    const contact: ContactObject = { ...snapshot.contact };
    for (const key of Object.keys(GENERAL_PARAMETERS) as (keyof GeneralUpdate)[]) {
      const value = changes[key];
      if (value !== undefined) (contact as Record<string, unknown>)[GENERAL_PARAMETERS[key]] = value;
    }
    const mailContact =
      changes.displayName !== undefined
        ? { ...snapshot.mailContact, DisplayName: changes.displayName }
        : snapshot.mailContact;
    return { ...toMailContact(mailContact, contact), ...keepGeneral(current, contact) };
  }

  async updateOptions(
    current: MailContact,
    changes: OptionsUpdate,
    options: CallOptions = {},
  ): Promise<MailContact> {
    const snapshot = this.#snapshotOf(current, "updateOptions");
    const parameters: Record<string, ParameterValue> = {};
    if (changes.mailTip !== undefined) parameters.MailTip = changes.mailTip === "" ? null : changes.mailTip;
    if (changes.hiddenFromAddressLists !== undefined) {
      parameters.HiddenFromAddressListsEnabled = changes.hiddenFromAddressLists;
    }
    if (Object.keys(parameters).length === 0) return current;
    await this.#write("Set-MailContact", "updateOptions", current.id, parameters, options);
    const mailContact: MailContactObject = { ...snapshot.mailContact };
    if (changes.mailTip !== undefined) mailContact.MailTip = changes.mailTip;
    if (changes.hiddenFromAddressLists !== undefined) {
      mailContact.HiddenFromAddressListsEnabled = changes.hiddenFromAddressLists;
    }
    return { ...current, ...toMailContact(mailContact, snapshot.contact), ...generalOf(current) };
  }

  /**
   * The contact with its Set-Contact properties (company, title, phones, first and last
   * name) read with Get-Contact: one more call, made only when the pane shows them. A
   * contact that already carries them (created or updated here, or read before) costs none.
   */
  async readDetails(current: MailContact, options: CallOptions = {}): Promise<MailContact> {
    const snapshot = this.#snapshotOf(current, "readDetails");
    if (snapshot.contact) return current;
    const result = await this.#readOrExplain("Get-Contact", "readDetails", current.id, options);
    const parsed = ContactObjectSchema.safeParse(result.objects[0]);
    if (!parsed.success)
      throw protocolError("readDetails", "Get-Contact returned no contact", result.requestId);
    return toMailContact(snapshot.mailContact, parsed.data);
  }

  #snapshotOf(contact: MailContact, operation: DirectoryError["operation"]): ExchangeSnapshot {
    if (!isSnapshot(contact.raw) || contact.id === "") {
      throw protocolError(operation, "contact was not read through Exchange's InvokeCommand");
    }
    return contact.raw;
  }

  async #write(
    cmdlet: "Set-Contact" | "Set-MailContact",
    operation: "updateGeneral" | "updateOptions",
    identity: string,
    parameters: Record<string, ParameterValue>,
    options: CallOptions,
  ) {
    try {
      return await this.#client.invoke(
        cmdlet,
        { Identity: identity, ...parameters },
        { operation, signal: options.signal },
      );
    } catch (error) {
      throw this.#explainNotFound(error, identity);
    }
  }

  async #readOrExplain(
    cmdlet: "Get-Contact",
    operation: "readDetails",
    identity: string,
    options: CallOptions,
  ) {
    try {
      return await this.#client.invoke(cmdlet, { Identity: identity }, { operation, signal: options.signal });
    } catch (error) {
      throw this.#explainNotFound(error, identity);
    }
  }

  /** A not-found on an object we created moments ago is replication lag; on anything else, deletion. */
  #explainNotFound(error: unknown, identity: string): unknown {
    if (!isDirectoryError(error, "not-found")) return error;
    const createdAt = this.#created.get(identity);
    const fresh = createdAt !== undefined && this.#now() - createdAt < FRESH_CONTACT_WINDOW_MS;
    return new DirectoryError({
      kind: "not-found",
      reason: fresh ? "not-visible-yet" : "deleted",
      operation: error.operation,
      status: error.status,
      requestId: error.requestId,
      detail: error.message,
      cause: error,
    });
  }
}

/** The Set-Contact fields of a contact, to carry over a write that did not touch them. */
function generalOf(contact: MailContact): Pick<MailContact, keyof GeneralUpdate> {
  return {
    displayName: contact.displayName,
    firstName: contact.firstName,
    lastName: contact.lastName,
    company: contact.company,
    title: contact.title,
    phone: contact.phone,
    mobilePhone: contact.mobilePhone,
    fax: contact.fax,
    webPage: contact.webPage,
  };
}

/** After Set-Contact: the fields it set, and the ones it left as they were. */
function keepGeneral(current: MailContact, contact: ContactObject): Pick<MailContact, keyof GeneralUpdate> {
  const keep = generalOf(current);
  const pick = (value: string | null | undefined, fallback: string) => value ?? fallback;
  return {
    displayName: pick(contact.DisplayName, keep.displayName),
    firstName: pick(contact.FirstName, keep.firstName),
    lastName: pick(contact.LastName, keep.lastName),
    company: pick(contact.Company, keep.company),
    title: pick(contact.Title, keep.title),
    phone: pick(contact.Phone, keep.phone),
    mobilePhone: pick(contact.MobilePhone, keep.mobilePhone),
    fax: pick(contact.Fax, keep.fax),
    webPage: pick(contact.WebPage, keep.webPage),
  };
}
