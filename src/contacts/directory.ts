/**
 * The seam between the workflow and whatever stores mail contacts.
 *
 * The admin center client implements it (src/admin-api/), and Exchange's admin REST
 * endpoint (InvokeCommand, src/exchange-rest/) fits behind it without touching the
 * workflow or the pane. Implementations throw `DirectoryError`
 * (src/contacts/directory-error.ts) and nothing else.
 */
import type { AddressHolder } from "./directory-error";

/** A mail contact as the product sees it, whatever the backend. */
export interface MailContact extends NewMailContact {
  id: string;
  /** Mastered on-premises: cannot be edited in the cloud. */
  dirSynced: boolean;
  /** Opens the contact in the Exchange admin center. */
  adminCenterUrl: string;
  /**
   * The backend's own snapshot of the record as last read. Opaque to everyone but
   * the backend: updates send it back with only the intended fields changed, so
   * nothing else on the contact is overwritten with blanks.
   */
  readonly raw: unknown;
}

/** What create sends, and what a read contact has. Strings are "" when not set. */
export interface NewMailContact {
  /** Exchange's Name: unique in the organization, at most 64 characters. */
  name: string;
  displayName: string;
  firstName: string;
  lastName: string;
  /** The external address, as stored (primary SMTP address of the contact). */
  address: string;
  company: string;
  title: string;
  phone: string;
  mobilePhone: string;
  fax: string;
  webPage: string;
  /** Plain text, without the <html><body> wrapper Exchange may add. */
  mailTip: string;
  hiddenFromAddressLists: boolean;
}

/** The general-information update (admin center: PUT /admin/api/Contact). */
export type GeneralUpdate = Partial<
  Pick<
    MailContact,
    | "displayName"
    | "firstName"
    | "lastName"
    | "company"
    | "title"
    | "phone"
    | "mobilePhone"
    | "fax"
    | "webPage"
  >
>;

/** The settings update (admin center: PUT /admin/api/Contact/options). */
export type OptionsUpdate = Partial<Pick<MailContact, "mailTip" | "hiddenFromAddressLists">>;

export interface CallOptions {
  signal?: AbortSignal;
}

export interface ContactDirectory {
  /**
   * The contact whose external address equals `address` (case-insensitive), or null.
   * Exactly one logical lookup; look-alikes that merely start with the address are ignored.
   */
  findByAddress(address: string, options?: CallOptions): Promise<MailContact | null>;
  /**
   * Who else (a mailbox, guest, group, mail user) already holds `address`, or null when
   * nobody does. Absent on backends that cannot ask (the admin center API searches
   * contacts only; there the holder is known only from a failed create's error).
   */
  findHolder?(address: string, options?: CallOptions): Promise<AddressHolder | null>;
  /**
   * The contact with every field filled in, for backends whose lookup answers with less
   * (Exchange's Get-MailContact has no company, title or phones: Get-Contact reads them).
   * Absent where `findByAddress` already returns them all (the admin center). Resolves at
   * once, without a call, when `contact` already carries them.
   */
  readDetails?(contact: MailContact, options?: CallOptions): Promise<MailContact>;
  /**
   * Creates the contact. Resolves with the created contact when the backend returns it,
   * or null when it only acknowledges (the caller then finds it by address).
   * Never retried by the implementation: a failure with `ambiguous: true` means it may exist.
   */
  create(contact: NewMailContact, options?: CallOptions): Promise<MailContact | null>;
  /** Applies `changes` on top of `current` (as last read) and returns the contact as now stored. */
  updateGeneral(current: MailContact, changes: GeneralUpdate, options?: CallOptions): Promise<MailContact>;
  /** Applies `changes` on top of `current` (as last read) and returns the contact as now stored. */
  updateOptions(current: MailContact, changes: OptionsUpdate, options?: CallOptions): Promise<MailContact>;
}
