/**
 * Exchange InvokeCommand's hosts, path, cmdlet allowlist, exception names and OPATH
 * quoting, without the response schemas: code that only needs these (the pane's start-up
 * configuration, the relay's allowlist) does not pull the schema library in. wire.ts
 * re-exports them.
 */

/** Production upstream (commercial cloud). Sovereign clouds differ, e.g. https://outlook.office365.us. */
export const DEFAULT_EXCHANGE_BASE_URL = "https://outlook.office365.com";

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
