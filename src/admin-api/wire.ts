/**
 * Every wire shape of the Microsoft 365 admin center contact API, in one place.
 *
 * The API is undocumented (see ../shared/admin-api-contract.md). The schemas are
 * tolerant of unknown fields (zod objects strip nothing we do not read and reject
 * nothing extra), and strict about the two fields a client must keep from a read:
 * `ContactId` and the contact's address.
 *
 * Used by the client (to validate responses), the emulator (to produce them) and the
 * relay (for the allowlist of routes).
 *
 * The routes, hosts, scope and roles live in wire-constants.ts (no zod) and are re-exported here.
 */
// First: no schema may be built before zod is told not to generate code (CSP).
import "../zod-jitless";
// zod/mini: the same validation as zod, as functions rather than methods, so the bundle keeps
// only what these schemas use (about a third of full zod, gzip).
import { z } from "zod/mini";

export {
  ADMIN_API_ROUTES,
  DEFAULT_ADMIN_CENTER_BASE_URL,
  EXCHANGE_WRITE_ROLES,
  exchangeAdminCenterUrl,
  isWriteRoute,
  ROUTE_OPERATIONS,
  type AdminApiRouteName,
} from "./wire-constants";

const nullableString = z.optional(z.nullable(z.string()));
const nullableBoolean = z.optional(z.nullable(z.boolean()));

const CountryOrRegionSchema = z.looseObject({
  DisplayName: nullableString,
  LocalizedDisplayName: nullableString,
});

/**
 * The full contact object as read from GetContacts and as sent to both PUTs.
 * Only `ContactId` and `ContactExternalEmailAddress` are required: everything else
 * may be null or absent, and unknown fields are kept (`looseObject`) so that an update
 * sends back what it read, unchanged.
 */
export const ContactRecordSchema = z.looseObject({
  ContactId: z.string().check(z.minLength(1, "ContactId is empty")),
  ContactName: nullableString,
  ContactDisplayName: nullableString,
  ContactSimpleDisplayName: nullableString,
  ContactPhoneticDisplayName: nullableString,
  ContactFirstName: nullableString,
  ContactInitials: nullableString,
  ContactLastName: nullableString,
  ContactAlias: nullableString,
  ContactExternalEmailAddress: z.string().check(z.minLength(1, "ContactExternalEmailAddress is empty")),
  ContactEmailAddresses: z.optional(z.unknown()),
  ContactSmtp: nullableString,
  ContactDomain: nullableString,
  ContactMailTip: nullableString,
  ContactHiddenFromAddressListsEnabled: nullableBoolean,
  ContactCompany: nullableString,
  ContactDepartment: nullableString,
  ContactOffice: nullableString,
  ContactTitle: nullableString,
  ContactPhone: nullableString,
  ContactMobilePhone: nullableString,
  ContactFax: nullableString,
  ContactWebPage: nullableString,
  ContactStreetAddress: nullableString,
  ContactStreetAddress2: nullableString,
  ContactStreetAddress3: nullableString,
  ContactCity: nullableString,
  ContactStateOrProvince: nullableString,
  ContactPostalCode: nullableString,
  ContactCountryOrRegion: z.optional(z.nullable(CountryOrRegionSchema)),
  ShowLastNameFirst: nullableBoolean,
  ShowZipCodeFirst: nullableBoolean,
  IsDirSynced: nullableBoolean,
  selected: nullableBoolean,
  EditExchangeSettingsUrl: nullableString,
});

export type ContactRecord = z.infer<typeof ContactRecordSchema>;

/** Body of `POST /admin/api/Contact/GetContacts`. `NextLink` is "" for the first page. */
export interface GetContactsRequest {
  SearchString: string;
  NextLink: string;
}

/**
 * Response of GetContacts. Assumed (by analogy with sibling endpoints) to carry the
 * list under `Contacts` and a `NextLink` that is null or empty on the last page.
 */
export const GetContactsResponseSchema = z.looseObject({
  Contacts: z.array(ContactRecordSchema),
  NextLink: z.optional(z.nullable(z.string())),
});

export type GetContactsResponse = z.infer<typeof GetContactsResponseSchema>;

/** Body of `POST /admin/api/Contact` (create). Flat; `selected` is always false. */
export interface CreateContactBody {
  ContactFirstName: string;
  ContactLastName: string;
  ContactDisplayName: string;
  ContactExternalEmailAddress: string;
  ContactMailTip: string;
  ContactCompany: string;
  ContactTitle: string;
  ContactWebPage: string;
  ContactPhone: string;
  ContactMobilePhone: string;
  ContactFax: string;
  ContactHiddenFromAddressListsEnabled: boolean;
  selected: false;
  /**
   * Not in the observed create body, but Exchange requires a unique Name; sent so that
   * a Name collision can be resolved with a deterministic alternative. An API that
   * ignores it derives Name from the display name, as New-MailContact does.
   */
  ContactName?: string;
}

// The responses of create and both PUTs have no schema of their own: either the contact
// (ContactRecordSchema, possibly under one property) or a bare acknowledgement of any
// shape. The client reads them in client.ts (contactInBody).
