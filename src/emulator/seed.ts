/**
 * The emulator's seed and settings: what `startEmulator({ seed })`, `POST /__emulator/reset`
 * and `POST /__emulator/settings` accept. Parsed with zod so that a typo in a test's seed is
 * a clear 400 rather than a silently ignored switch.
 */
import { z } from "zod";
import { z as zm } from "zod/mini";
import { ContactRecordSchema } from "../admin-api/wire";
import { SeedMessageSchema } from "./graph-mail";

/**
 * The bearer tokens every emulator accepts unless a seed names others: an admin and a
 * read-only user, each for one resource (token audience). A token for the admin center is
 * refused by InvokeCommand with 401 and the other way round, as the real services do.
 */
export const DEMO_TOKENS = {
  admin: "demo-admin-token",
  readOnly: "demo-readonly-token",
  exchangeAdmin: "demo-exchange-admin-token",
  exchangeReadOnly: "demo-exchange-readonly-token",
  /** Microsoft Graph (Mail.ReadBasic): the user's own received mail, for suggestions. */
  graph: "demo-graph-token",
} as const;

export const DEFAULT_PAGE_SIZE = 20;

/** Upper bound for `generateContacts`: enough for scale benchmarks, small enough to stay in memory. */
export const MAX_GENERATED_CONTACTS = 1_000_000;

export const RecipientKindSchema = z.enum(["mailbox", "guest", "group", "mail-user", "contact-other"]);
export type RecipientKind = z.infer<typeof RecipientKindSchema>;

export const SeedRecipientSchema = z.object({
  address: z.string().min(1),
  name: z.string().min(1),
  kind: RecipientKindSchema,
});
export type SeedRecipient = z.infer<typeof SeedRecipientSchema>;

export const TokenRoleSchema = z.enum(["admin", "readonly"]);
export type TokenRole = z.infer<typeof TokenRoleSchema>;

/** The service a token was issued for: https://admin.microsoft.com, https://outlook.office365.com or https://graph.microsoft.com. */
export const TokenResourceSchema = z.enum(["admin-center", "exchange", "graph"]);
export type TokenResource = z.infer<typeof TokenResourceSchema>;

export const SeedTokenSchema = z.object({
  token: z.string().min(1),
  role: TokenRoleSchema,
  resource: TokenResourceSchema.default("admin-center"),
});
export type SeedToken = z.infer<typeof SeedTokenSchema>;

export interface TokenGrant {
  role: TokenRole;
  resource: TokenResource;
}

export const VariantsSchema = z
  .object({
    /** "contact": the created contact; "ack": `{"Succeeded":true}` without id; "empty": 200 with no body. */
    createResponse: z.enum(["contact", "ack", "empty"]),
    /** Shape of every error body: OData `{"error":{code,message}}`, `{"Message"}`, plain text or an HTML sign-in page. */
    errorBody: z.enum(["odata", "message", "string", "html"]),
    /** Reads return the mail tip as Exchange stores it: `<html><body>tip</body></html>`. */
    mailTipHtml: z.boolean(),
    /** InvokeCommand: the status of a ManagementObjectNotFoundException (unverified: 404 or 400). */
    exchangeNotFoundStatus: z.union([z.literal(404), z.literal(400)]),
    /** "strict": per token, at most 2 requests in flight and 20 a second, else 429 with Retry-After (src/emulator/throttling.ts). */
    throttling: z.enum(["off", "strict"]),
  })
  .strict();
export type EmulatorVariants = z.infer<typeof VariantsSchema>;

export const DEFAULT_VARIANTS: EmulatorVariants = {
  createResponse: "contact",
  errorBody: "odata",
  mailTipHtml: false,
  exchangeNotFoundStatus: 404,
  throttling: "off",
};

const nonNegativeMs = z.number().int().min(0).max(600_000);

/** A seeded contact: any subset of the full contact object, with an address. The rest is filled in. */
// ContactRecordSchema is a zod/mini schema (it ships in the pane's bundle), hence zod/mini's functions here.
export const SeedContactSchema = zm.extend(zm.partial(ContactRecordSchema), {
  ContactExternalEmailAddress: zm.string().check(zm.minLength(1)),
});
export type SeedContact = z.infer<typeof SeedContactSchema>;

export const EmulatorSeedSchema = z
  .object({
    contacts: z.array(SeedContactSchema).optional(),
    recipients: z.array(SeedRecipientSchema).optional(),
    /** The signed-in user's received mail, as Graph's /v1.0/me/mailFolders/{folder}/messages serves it (`folder`: the Inbox unless said). */
    mail: z.array(SeedMessageSchema).optional(),
    /** Absent: the DEMO_TOKENS. */
    tokens: z.array(SeedTokenSchema).optional(),
    pageSize: z.number().int().min(1).max(1000).optional(),
    generateContacts: z.number().int().min(0).max(MAX_GENERATED_CONTACTS).optional(),
    variants: VariantsSchema.partial().optional(),
    replicationLagMs: nonNegativeMs.optional(),
    latencyMs: nonNegativeMs.optional(),
  })
  .strict();
/** What a caller writes (token resources may be left out); `ParsedEmulatorSeed` is what the emulator reads. */
export type EmulatorSeed = z.input<typeof EmulatorSeedSchema>;
export type ParsedEmulatorSeed = z.output<typeof EmulatorSeedSchema>;

/** Body of `POST /__emulator/settings`: changes these without touching data, faults or the log. */
export const EmulatorSettingsPatchSchema = z
  .object({
    latencyMs: nonNegativeMs.optional(),
    replicationLagMs: nonNegativeMs.optional(),
    variants: VariantsSchema.partial().optional(),
    pageSize: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type EmulatorSettingsPatch = z.infer<typeof EmulatorSettingsPatchSchema>;

/** The live settings of a running emulator. */
export interface EmulatorSettings {
  latencyMs: number;
  replicationLagMs: number;
  pageSize: number;
  variants: EmulatorVariants;
}

export function settingsFromSeed(seed: ParsedEmulatorSeed): EmulatorSettings {
  return {
    latencyMs: seed.latencyMs ?? 0,
    replicationLagMs: seed.replicationLagMs ?? 0,
    pageSize: seed.pageSize ?? DEFAULT_PAGE_SIZE,
    variants: { ...DEFAULT_VARIANTS, ...seed.variants },
  };
}

export function applySettingsPatch(
  current: EmulatorSettings,
  patch: EmulatorSettingsPatch,
): EmulatorSettings {
  return {
    latencyMs: patch.latencyMs ?? current.latencyMs,
    replicationLagMs: patch.replicationLagMs ?? current.replicationLagMs,
    pageSize: patch.pageSize ?? current.pageSize,
    variants: { ...current.variants, ...patch.variants },
  };
}

export function tokensFromSeed(seed: ParsedEmulatorSeed): Map<string, TokenGrant> {
  const tokens: SeedToken[] = seed.tokens ?? [
    { token: DEMO_TOKENS.admin, role: "admin", resource: "admin-center" },
    { token: DEMO_TOKENS.readOnly, role: "readonly", resource: "admin-center" },
    { token: DEMO_TOKENS.exchangeAdmin, role: "admin", resource: "exchange" },
    { token: DEMO_TOKENS.exchangeReadOnly, role: "readonly", resource: "exchange" },
    // Graph has no admin roles here: reading one's own mail needs none.
    { token: DEMO_TOKENS.graph, role: "readonly", resource: "graph" },
  ];
  return new Map(tokens.map((entry) => [entry.token, { role: entry.role, resource: entry.resource }]));
}
