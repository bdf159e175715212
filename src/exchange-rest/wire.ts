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
import type { ExchangeCmdlet } from "./wire-constants";

export * from "./wire-constants";

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
