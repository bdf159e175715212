/**
 * Exchange Online's InvokeCommand (../shared/exchange-rest-contract.md), played over the
 * same ContactStore as the admin center routes: a contact created through one is seen by
 * the other. Six cmdlets with their parameters; Exchange's error body (details,
 * innererror, exception type in the text), `@adminapi.warnings`, `@odata.nextLink` paging,
 * and the replication lag of the store (a fresh contact is not found by Get-* or Set-*).
 *
 * Synchronous: a check and the write it guards are never split by another request.
 */
import {
  EXCHANGE_CMDLETS,
  EXCHANGE_EXCEPTIONS,
  InvokeCommandBodySchema,
  isExchangeCmdlet,
  isWriteCmdlet,
  parseEqualsFilter,
  type ExchangeCmdlet,
  type ParameterValue,
} from "../exchange-rest/wire";
import type { ContactRecord } from "../admin-api/wire";
import { EXCHANGE_MESSAGE_PATTERNS } from "../contacts/exchange-rules";
import type { ContactStore } from "./contact-store";
import { EmulatedApiError, notFoundMessage, wrapMailTip } from "./exchange-validation";
import { SIGN_IN_PAGE_HTML, jsonResponse, statusMessage, type EmulatedResponse } from "./responses";
import type { EmulatorSettings } from "./seed";

/** The server name Exchange's not-found texts mention. */
const SERVER_NAME = "EMU01A001.prod.emulator.invalid";

export interface InvokeCommandRequest {
  tenant: string;
  /** The query of the request (`$skiptoken` for a further page), "" for none. */
  query: string;
  bodyText: string;
  /** The role the token grants (the caller has already checked resource and presence). */
  role: "admin" | "readonly";
  /** http://host:port as the caller reached the emulator, for `@odata.nextLink`. */
  origin: string;
}

/** An InvokeCommand failure: status, Exchange's exception type and text. */
export class InvokeCommandError extends Error {
  constructor(
    readonly status: number,
    readonly exceptionType: string,
    message: string,
    readonly code: string = status === 404
      ? "NotFound"
      : status >= 500
        ? "InternalServerError"
        : "BadRequest",
  ) {
    super(message);
    this.name = "InvokeCommandError";
  }
}

/** Exchange's error body: the text in details[0].message and innererror, type-prefixed in message. */
export function exchangeErrorResponse(
  status: number,
  exceptionType: string,
  text: string,
  variant: EmulatorSettings["variants"]["errorBody"],
  code = "BadRequest",
): EmulatedResponse {
  if (variant === "html") {
    return { status, headers: { "content-type": "text/html; charset=utf-8" }, body: SIGN_IN_PAGE_HTML };
  }
  return jsonResponse(status, {
    error: {
      code,
      message: `|${exceptionType}|${text}`,
      details: [{ code: "Context", target: "", message: text }],
      innererror: {
        message: text,
        type: exceptionType,
        "@odata.type": "#Exchange.ErrorDetail",
        internalException: { message: text },
      },
    },
  });
}

/** A fault's or an authentication failure's body in Exchange's shape. */
export function exchangeStatusResponse(
  status: number,
  variant: EmulatorSettings["variants"]["errorBody"],
): EmulatedResponse {
  const type =
    status === 401 || status === 403
      ? "Microsoft.Exchange.Management.RestApiClient.RestApiAuthorizationException"
      : "Microsoft.Exchange.Admin.OData.Core.ODataServiceException";
  return exchangeErrorResponse(status, type, statusMessage(status), variant, codeOf(status));
}

function codeOf(status: number): string {
  if (status === 401) return "Unauthorized";
  if (status === 403) return "Forbidden";
  if (status === 429) return "TooManyRequests";
  if (status === 503) return "ServiceUnavailable";
  return status >= 500 ? "InternalServerError" : "BadRequest";
}

function context(tenant: string, cmdlet: string): string {
  return `https://outlook.office365.com/adminapi/beta/${tenant}/$metadata#${cmdlet.replace("-", "")}`;
}

export class InvokeCommandEmulator {
  constructor(
    private readonly store: () => ContactStore,
    private readonly settings: () => EmulatorSettings,
  ) {}

  /** The cmdlet a body names, for fault targeting and the request log; null when unreadable. */
  static cmdletOf(bodyText: string): ExchangeCmdlet | null {
    try {
      const parsed = InvokeCommandBodySchema.safeParse(JSON.parse(bodyText));
      const name = parsed.success ? parsed.data.CmdletInput.CmdletName : "";
      return isExchangeCmdlet(name) ? name : null;
    } catch {
      return null;
    }
  }

  handle(request: InvokeCommandRequest): EmulatedResponse {
    const variants = this.settings().variants;
    try {
      return this.#run(request);
    } catch (error) {
      if (error instanceof InvokeCommandError) {
        return exchangeErrorResponse(
          error.status,
          error.exceptionType,
          error.message,
          variants.errorBody,
          error.code,
        );
      }
      if (error instanceof EmulatedApiError) return this.#fromStoreError(error);
      throw error;
    }
  }

  /** The store speaks the admin center's errors; here they become Exchange's. */
  #fromStoreError(error: EmulatedApiError): EmulatedResponse {
    const variants = this.settings().variants;
    if (error.status === 404) {
      return exchangeErrorResponse(
        variants.exchangeNotFoundStatus,
        EXCHANGE_EXCEPTIONS.notFound,
        `${error.message.replace(/\.$/, "")} on '${SERVER_NAME}'.`,
        variants.errorBody,
        variants.exchangeNotFoundStatus === 404 ? "NotFound" : "BadRequest",
      );
    }
    const type =
      EXCHANGE_MESSAGE_PATTERNS.proxyAddressInUse.test(error.message) ||
      EXCHANGE_MESSAGE_PATTERNS.nameInUse.test(error.message)
        ? EXCHANGE_EXCEPTIONS.proxyAddressExists
        : /synchronized from your on-premises/.test(error.message)
          ? EXCHANGE_EXCEPTIONS.dirSynced
          : EXCHANGE_EXCEPTIONS.invalidArgument;
    return exchangeErrorResponse(error.status, type, error.message, variants.errorBody);
  }

  #run(request: InvokeCommandRequest): EmulatedResponse {
    let json: unknown;
    try {
      json = JSON.parse(request.bodyText);
    } catch {
      throw new InvokeCommandError(
        400,
        "Microsoft.OData.ODataException",
        "The request body is not valid JSON.",
      );
    }
    const parsed = InvokeCommandBodySchema.safeParse(json);
    if (!parsed.success) {
      throw new InvokeCommandError(
        400,
        "Microsoft.OData.ODataException",
        'The request body must be {"CmdletInput": {"CmdletName": ..., "Parameters": {...}}}.',
      );
    }
    const name = parsed.data.CmdletInput.CmdletName;
    if (!isExchangeCmdlet(name)) {
      throw new InvokeCommandError(
        400,
        "System.Management.Automation.CommandNotFoundException",
        `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.`,
      );
    }
    const parameters = parsed.data.CmdletInput.Parameters ?? {};
    const allowed: readonly string[] = EXCHANGE_CMDLETS[name];
    for (const parameter of Object.keys(parameters)) {
      if (!allowed.includes(parameter)) {
        throw new InvokeCommandError(
          400,
          "System.Management.Automation.ParameterBindingException",
          `A parameter cannot be found that matches parameter name '${parameter}'.`,
        );
      }
    }
    if (request.role === "readonly" && isWriteCmdlet(name)) {
      throw new InvokeCommandError(
        403,
        EXCHANGE_EXCEPTIONS.accessDenied,
        `The user isn't assigned to any management roles that allow running '${name}'. Assign the 'Mail Recipient Creation' or 'Mail Recipients' role.`,
        "Forbidden",
      );
    }
    switch (name) {
      case "Get-MailContact":
        return this.#page(request, name, this.#getMailContacts(parameters).map(presentMailContact));
      case "Get-Contact":
        return this.#page(request, name, this.#getMailContacts(parameters).map(presentContact));
      case "Get-Recipient":
        return this.#page(request, name, this.#getRecipients(parameters));
      case "New-MailContact":
        return this.#newMailContact(request, parameters);
      case "Set-Contact":
        return this.#set(request, name, parameters);
      case "Set-MailContact":
        return this.#set(request, name, parameters);
    }
  }

  #getMailContacts(parameters: Record<string, ParameterValue>): ContactRecord[] {
    const store = this.store();
    const identity = text(parameters.Identity);
    if (identity !== undefined) {
      const found = store.findByIdentity(identity);
      if (!found) throw new EmulatedApiError(404, notFoundMessage(identity));
      return [found];
    }
    const filter = text(parameters.Filter);
    if (filter !== undefined) {
      const condition = parseEqualsFilter(filter);
      if (
        !condition ||
        !/^(ExternalEmailAddress|EmailAddresses|PrimarySmtpAddress)$/i.test(condition.property)
      ) {
        throw new InvokeCommandError(
          400,
          "Microsoft.Exchange.Management.Tasks.InvalidFilterException",
          `Cannot bind parameter 'Filter' to the target. Exception setting "Filter": "Invalid filter syntax."`,
        );
      }
      const found = store.findByAddress(condition.value);
      return found ? [found] : [];
    }
    return store.visibleSlice(0, Number.MAX_SAFE_INTEGER).contacts;
  }

  #getRecipients(parameters: Record<string, ParameterValue>): Record<string, unknown>[] {
    const store = this.store();
    const identity = text(parameters.Identity);
    const filter = text(parameters.Filter);
    let address: string | undefined;
    if (identity !== undefined) address = identity;
    else if (filter !== undefined) {
      const condition = parseEqualsFilter(filter);
      if (!condition || !/^(EmailAddresses|PrimarySmtpAddress)$/i.test(condition.property)) {
        throw new InvokeCommandError(
          400,
          "Microsoft.Exchange.Management.Tasks.InvalidFilterException",
          `Cannot bind parameter 'Filter' to the target. Exception setting "Filter": "Invalid filter syntax."`,
        );
      }
      address = condition.value;
    }
    if (address === undefined) {
      return store.visibleSlice(0, Number.MAX_SAFE_INTEGER).contacts.map(presentMailContact);
    }
    const holder = store.holderOf(address);
    if (!holder) {
      if (identity !== undefined) throw new EmulatedApiError(404, notFoundMessage(identity));
      return [];
    }
    if (holder.contact) return [presentMailContact(holder.contact)];
    return [
      {
        Identity: holder.name,
        Name: holder.name,
        DisplayName: holder.name,
        PrimarySmtpAddress: holder.address,
        EmailAddresses: [`SMTP:${holder.address}`],
        RecipientType:
          holder.recipientTypeDetails === "GuestMailUser" ? "MailUser" : holder.recipientTypeDetails,
        RecipientTypeDetails: holder.recipientTypeDetails,
      },
    ];
  }

  /** One page of `objects`, with `@odata.nextLink` when more follow ($skiptoken = offset). */
  #page(request: InvokeCommandRequest, cmdlet: ExchangeCmdlet, objects: unknown[]): EmulatedResponse {
    const pageSize = this.settings().pageSize;
    const skip = /^\$skiptoken=(\d{1,9})$/.exec(decodeURIComponent(request.query.replace(/^\?/, "")));
    if (request.query !== "" && !skip) {
      throw new InvokeCommandError(400, "Microsoft.OData.ODataException", "The $skiptoken is not valid.");
    }
    const offset = skip ? Number(skip[1]) : 0;
    const page = objects.slice(offset, offset + pageSize);
    const body: Record<string, unknown> = { "@odata.context": context(request.tenant, cmdlet), value: page };
    if (offset + pageSize < objects.length) {
      body["@odata.nextLink"] =
        `${request.origin}/adminapi/beta/${request.tenant}/InvokeCommand?%24skiptoken=${offset + pageSize}`;
    }
    return jsonResponse(200, body);
  }

  #newMailContact(
    request: InvokeCommandRequest,
    parameters: Record<string, ParameterValue>,
  ): EmulatedResponse {
    const settings = this.settings();
    const created = this.store().create(
      {
        ContactName: parameters.Name ?? null,
        ContactExternalEmailAddress: parameters.ExternalEmailAddress ?? null,
        ...(parameters.DisplayName !== undefined ? { ContactDisplayName: parameters.DisplayName } : {}),
        ...(parameters.FirstName !== undefined ? { ContactFirstName: parameters.FirstName } : {}),
        ...(parameters.LastName !== undefined ? { ContactLastName: parameters.LastName } : {}),
      },
      settings.replicationLagMs,
    );
    const value = settings.variants.createResponse === "contact" ? [presentMailContact(created)] : [];
    return jsonResponse(200, { "@odata.context": context(request.tenant, "New-MailContact"), value });
  }

  #set(
    request: InvokeCommandRequest,
    cmdlet: "Set-Contact" | "Set-MailContact",
    parameters: Record<string, ParameterValue>,
  ): EmulatedResponse {
    const store = this.store();
    const identity = text(parameters.Identity);
    if (identity === undefined) {
      throw new InvokeCommandError(
        400,
        "System.Management.Automation.ParameterBindingException",
        "Cannot bind argument to parameter 'Identity' because it is null.",
      );
    }
    const id = store.idOf(identity) ?? identity;
    const before = store.all().find((record) => record.ContactId === id);
    const body: Record<string, unknown> = { ContactId: id };
    const fields = cmdlet === "Set-Contact" ? SET_CONTACT_FIELDS : SET_MAIL_CONTACT_FIELDS;
    for (const [parameter, field] of Object.entries(fields)) {
      if (parameter in parameters) body[field] = parameters[parameter];
    }
    const after = cmdlet === "Set-Contact" ? store.updateGeneral(body) : store.updateOptions(body);
    const changed = JSON.stringify(before) !== JSON.stringify(after);
    const response: Record<string, unknown> = {
      "@odata.context": context(request.tenant, cmdlet),
      value: [],
    };
    if (!changed) {
      response["@adminapi.warnings"] = [
        `The command completed successfully but no settings of '${after.ContactName ?? id}' have been modified.`,
      ];
    }
    return jsonResponse(200, response);
  }
}

const SET_CONTACT_FIELDS: Record<string, string> = {
  Company: "ContactCompany",
  Title: "ContactTitle",
  Department: "ContactDepartment",
  Office: "ContactOffice",
  Phone: "ContactPhone",
  MobilePhone: "ContactMobilePhone",
  Fax: "ContactFax",
  WebPage: "ContactWebPage",
  FirstName: "ContactFirstName",
  LastName: "ContactLastName",
  DisplayName: "ContactDisplayName",
};

const SET_MAIL_CONTACT_FIELDS: Record<string, string> = {
  MailTip: "ContactMailTip",
  HiddenFromAddressListsEnabled: "ContactHiddenFromAddressListsEnabled",
};

function text(value: ParameterValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Fields every recipient object carries. */
function recipientFields(record: ContactRecord) {
  const address = record.ContactExternalEmailAddress;
  return {
    Identity: record.ContactName,
    Name: record.ContactName,
    DisplayName: record.ContactDisplayName,
    PrimarySmtpAddress: address,
    EmailAddresses: [`SMTP:${address}`],
    RecipientType: "MailContact",
    RecipientTypeDetails: "MailContact",
    IsDirSynced: record.IsDirSynced === true,
    ExchangeObjectId: record.ContactId,
    Guid: record.ContactId,
    ExternalDirectoryObjectId: record.ContactId,
  };
}

/** A contact as Get-MailContact shows it: the mail tip in Exchange's stored HTML form. */
export function presentMailContact(record: ContactRecord): Record<string, unknown> {
  return {
    ...recipientFields(record),
    Alias: record.ContactAlias,
    ExternalEmailAddress: `SMTP:${record.ContactExternalEmailAddress}`,
    HiddenFromAddressListsEnabled: record.ContactHiddenFromAddressListsEnabled === true,
    MailTip: record.ContactMailTip ? wrapMailTip(record.ContactMailTip) : null,
  };
}

/** A contact as Get-Contact shows it: the Set-Contact properties. */
export function presentContact(record: ContactRecord): Record<string, unknown> {
  return {
    ...recipientFields(record),
    FirstName: record.ContactFirstName,
    LastName: record.ContactLastName,
    Initials: record.ContactInitials,
    Company: record.ContactCompany,
    Title: record.ContactTitle,
    Department: record.ContactDepartment,
    Office: record.ContactOffice,
    Phone: record.ContactPhone,
    MobilePhone: record.ContactMobilePhone,
    Fax: record.ContactFax,
    WebPage: record.ContactWebPage,
  };
}
