/**
 * Every wire shape of Exchange Online's admin REST endpoint (InvokeCommand), in one place:
 * the request envelope, the cmdlets and parameters the product sends, the OData answer
 * (`value`, `@odata.nextLink`, `@adminapi.warnings`), the objects Get-MailContact,
 * Get-Contact and Get-Recipient return, and the error body.
 *
 * Not a documented API (see ../shared/exchange-rest-contract.md): schemas keep unknown
 * fields and are strict only about what a client must keep (an object's identity and a
 * contact's external address). Used by the client (to validate answers), the emulator (to
 * produce them) and the relay (for the cmdlet and parameter allowlist).
 */
import { z } from "zod/mini";

/** Production upstream (commercial cloud). Sovereign clouds differ, e.g. https://outlook.office365.us. */
export const DEFAULT_EXCHANGE_BASE_URL = "https://outlook.office365.com";

/** Scope of the bearer token InvokeCommand accepts (delegated permission Exchange.Manage). */
export const DEFAULT_EXCHANGE_SCOPE = "https://outlook.office365.com/.default";

/** The path of the one call; `tenant` is the tenant id (GUID) or a verified domain. */
export function invokeCommandPath(tenant: string): string {
  return `/adminapi/beta/${encodeURIComponent(tenant)}/InvokeCommand`;
}

/** Matches the path of the one call (without query); group 1 is the tenant segment. */
export const INVOKE_COMMAND_PATH_PATTERN = /^\/adminapi\/beta\/([A-Za-z0-9.-]{1,253})\/InvokeCommand$/;

/**
 * The cmdlets the product sends and, for each, the only parameters it may carry. The relay
 * forwards nothing else; the emulator implements exactly these.
 */
export const EXCHANGE_CMDLETS = {
  "Get-MailContact": ["Identity", "Filter", "ResultSize"],
  "Get-Contact": ["Identity", "ResultSize"],
  "Get-Recipient": ["Identity", "Filter", "ResultSize"],
  "New-MailContact": [
    "Name",
    "ExternalEmailAddress",
    "DisplayName",
    "FirstName",
    "LastName",
    "Initials",
    "Alias",
  ],
  "Set-Contact": [
    "Identity",
    "Company",
    "Title",
    "Department",
    "Office",
    "Phone",
    "MobilePhone",
    "Fax",
    "WebPage",
    "FirstName",
    "LastName",
    "DisplayName",
  ],
  "Set-MailContact": [
    "Identity",
    "MailTip",
    "MailTipTranslations",
    "HiddenFromAddressListsEnabled",
    ...Array.from({ length: 15 }, (_, index) => `CustomAttribute${index + 1}`),
  ],
} as const satisfies Record<string, readonly string[]>;

export type ExchangeCmdlet = keyof typeof EXCHANGE_CMDLETS;

export function isExchangeCmdlet(name: string): name is ExchangeCmdlet {
  return Object.prototype.hasOwnProperty.call(EXCHANGE_CMDLETS, name);
}

/** Cmdlets that change data: refused to a read-only caller, possibly applied when they fail. */
export function isWriteCmdlet(name: ExchangeCmdlet): boolean {
  return !name.startsWith("Get-");
}

/** A parameter value as InvokeCommand takes it (JSON scalars, or arrays of strings for multi-valued). */
export const ParameterValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()),
]);
export type ParameterValue = z.infer<typeof ParameterValueSchema>;

/** The request body: `{"CmdletInput": {"CmdletName": "...", "Parameters": {...}}}`. */
export const InvokeCommandBodySchema = z.strictObject({
  CmdletInput: z.strictObject({
    CmdletName: z.string(),
    Parameters: z.optional(z.record(z.string(), ParameterValueSchema)),
  }),
});
export type InvokeCommandBody = z.infer<typeof InvokeCommandBodySchema>;

export function invokeCommandBody(
  cmdlet: ExchangeCmdlet,
  parameters: Record<string, ParameterValue>,
): InvokeCommandBody {
  return { CmdletInput: { CmdletName: cmdlet, Parameters: parameters } };
}

/** Every successful answer: OData, the objects under `value`. */
export const InvokeCommandResponseSchema = z.looseObject({
  "@odata.context": z.optional(z.string()),
  "@odata.nextLink": z.optional(z.nullable(z.string())),
  "@adminapi.warnings": z.optional(z.nullable(z.array(z.string()))),
  value: z.array(z.unknown()),
});
export type InvokeCommandResponse = z.infer<typeof InvokeCommandResponseSchema>;

const text = z.optional(z.nullable(z.string()));
const flag = z.optional(z.nullable(z.boolean()));

/** Fields every recipient object has, and what identifies it. */
const recipientFields = {
  Identity: text,
  Name: text,
  DisplayName: text,
  PrimarySmtpAddress: text,
  EmailAddresses: z.optional(z.nullable(z.array(z.string()))),
  RecipientType: text,
  RecipientTypeDetails: text,
  ExchangeObjectId: text,
  Guid: text,
  ExternalDirectoryObjectId: text,
  IsDirSynced: flag,
};

/** What Get-MailContact (and New-MailContact, when it echoes) returns. */
export const MailContactObjectSchema = z.looseObject({
  ...recipientFields,
  ExternalEmailAddress: z.string().check(z.minLength(1, "ExternalEmailAddress is empty")),
  HiddenFromAddressListsEnabled: flag,
  MailTip: text,
  Alias: text,
});
export type MailContactObject = z.infer<typeof MailContactObjectSchema>;

/** What Get-Contact returns: the Set-Contact properties that Get-MailContact lacks. */
export const ContactObjectSchema = z.looseObject({
  ...recipientFields,
  FirstName: text,
  LastName: text,
  Initials: text,
  Company: text,
  Title: text,
  Department: text,
  Office: text,
  Phone: text,
  MobilePhone: text,
  Fax: text,
  WebPage: text,
});
export type ContactObject = z.infer<typeof ContactObjectSchema>;

/** What Get-Recipient returns (any kind of recipient). */
export const RecipientObjectSchema = z.looseObject({
  ...recipientFields,
  RecipientTypeDetails: z.string(),
});
export type RecipientObject = z.infer<typeof RecipientObjectSchema>;

/** The identity an object is addressed by in Set-* calls: the GUID when given. */
export function objectIdentity(object: {
  ExchangeObjectId?: string | null;
  Guid?: string | null;
  Identity?: string | null;
}): string | null {
  return object.ExchangeObjectId || object.Guid || object.Identity || null;
}

/** The error body of a 4xx/5xx. */
export const ErrorBodySchema = z.looseObject({
  error: z.looseObject({
    code: text,
    message: text,
    details: z.optional(z.nullable(z.array(z.looseObject({ code: text, message: text, target: text })))),
    innererror: z.optional(
      z.nullable(
        z.looseObject({
          message: text,
          type: text,
          internalException: z.optional(z.nullable(z.looseObject({ message: text }))),
        }),
      ),
    ),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/**
 * The human text of an error body, where the known tools read it: the first detail, then
 * the inner exception, then the inner error, then the message.
 */
export function errorBodyText(body: ErrorBody): string {
  const { error } = body;
  return (
    error.details?.find((detail) => detail.message)?.message ||
    error.innererror?.internalException?.message ||
    error.innererror?.message ||
    error.message ||
    ""
  );
}

/** Exchange's exception type names carried in error texts (`...|Type|message`). */
export const EXCHANGE_EXCEPTIONS = {
  notFound: "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
  proxyAddressExists: "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
  nameExists: "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
  invalidArgument: "Microsoft.Exchange.Management.Tasks.RecipientTaskException",
  dirSynced: "Microsoft.Exchange.Configuration.Tasks.TaskInvalidOperationException",
  accessDenied: "Microsoft.Exchange.Configuration.Tasks.ManagementObjectAccessDeniedException",
} as const;

/** Recognises the not-found text, with or without the exception type in front. */
export const NOT_FOUND_PATTERN =
  /ManagementObjectNotFoundException|couldn't be found on|couldn't be found\./i;

/** Recognises the on-premises-mastered refusal. */
export const DIR_SYNCED_PATTERN = /being synchronized from your on-premises organization/i;

/** RecipientTypeDetails values and the kind of holder they are. */
export const RECIPIENT_TYPE_KINDS = {
  UserMailbox: "mailbox",
  SharedMailbox: "mailbox",
  RoomMailbox: "mailbox",
  EquipmentMailbox: "mailbox",
  SchedulingMailbox: "mailbox",
  LinkedMailbox: "mailbox",
  TeamMailbox: "mailbox",
  GuestMailUser: "guest",
  MailUser: "mail-user",
  RemoteUserMailbox: "mail-user",
  MailUniversalDistributionGroup: "group",
  MailUniversalSecurityGroup: "group",
  MailNonUniversalGroup: "group",
  DynamicDistributionGroup: "group",
  GroupMailbox: "group",
  RoomList: "group",
  MailContact: "contact",
} as const;

/**
 * A value as an OPATH string literal: single-quoted, a single quote inside doubled (OPATH's
 * own escape), so an address can never end the string and add a clause. The filter is
 * parsed by Exchange, not by PowerShell, so backticks and `$` are plain characters.
 */
export function opathQuote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Parses `Property -eq 'value'` (the only filter form the product sends); null for anything else. */
export function parseEqualsFilter(filter: string): { property: string; value: string } | null {
  const match = /^\s*([A-Za-z]+)\s+-eq\s+'((?:[^']|'')*)'\s*$/.exec(filter);
  return match ? { property: match[1]!, value: match[2]!.replace(/''/g, "'") } : null;
}

/** `ExternalEmailAddress -eq 'SMTP:x@y'`: the exact lookup of a mail contact by address. */
export function externalAddressFilter(address: string): string {
  return `ExternalEmailAddress -eq ${opathQuote(`SMTP:${address}`)}`;
}

/** `EmailAddresses -eq 'smtp:x@y'`: any recipient holding the address, primary or not. */
export function emailAddressesFilter(address: string): string {
  return `EmailAddresses -eq ${opathQuote(`smtp:${address}`)}`;
}
