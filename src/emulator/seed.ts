/**
 * The emulator's seed and settings: what `startEmulator({ seed })`, `POST /__emulator/reset`
 * and `POST /__emulator/settings` accept. Parsed with zod so that a typo in a test's seed is
 * a clear 400 rather than a silently ignored switch.
 */
import { z } from "zod";
import { z as zm } from "zod/mini";
import { ContactRecordSchema } from "../admin-api/wire";

/** The two bearer tokens every emulator accepts unless a seed names others. */
export const DEMO_TOKENS = { admin: "demo-admin-token", readOnly: "demo-readonly-token" } as const;

export const DEFAULT_PAGE_SIZE = 20;

/** Upper bound for `generateContacts`: enough for scale benchmarks, small enough to stay in memory. */
export const MAX_GENERATED_CONTACTS = 1_000_000;

export const RecipientKindSchema = z.enum(["mailbox", "guest", "group", "contact-other"]);
export type RecipientKind = z.infer<typeof RecipientKindSchema>;

export const SeedRecipientSchema = z.object({
  address: z.string().min(1),
  name: z.string().min(1),
  kind: RecipientKindSchema,
});
export type SeedRecipient = z.infer<typeof SeedRecipientSchema>;

export const TokenRoleSchema = z.enum(["admin", "readonly"]);
export type TokenRole = z.infer<typeof TokenRoleSchema>;

export const SeedTokenSchema = z.object({ token: z.string().min(1), role: TokenRoleSchema });
export type SeedToken = z.infer<typeof SeedTokenSchema>;

export const VariantsSchema = z
  .object({
    /** "contact": the created contact; "ack": `{"Succeeded":true}` without id; "empty": 200 with no body. */
    createResponse: z.enum(["contact", "ack", "empty"]),
    /** Shape of every error body: OData `{"error":{code,message}}`, `{"Message"}`, plain text or an HTML sign-in page. */
    errorBody: z.enum(["odata", "message", "string", "html"]),
    /** Reads return the mail tip as Exchange stores it: `<html><body>tip</body></html>`. */
    mailTipHtml: z.boolean(),
  })
  .strict();
export type EmulatorVariants = z.infer<typeof VariantsSchema>;

export const DEFAULT_VARIANTS: EmulatorVariants = {
  createResponse: "contact",
  errorBody: "odata",
  mailTipHtml: false,
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
    /** Absent: the two DEMO_TOKENS. */
    tokens: z.array(SeedTokenSchema).optional(),
    pageSize: z.number().int().min(1).max(1000).optional(),
    generateContacts: z.number().int().min(0).max(MAX_GENERATED_CONTACTS).optional(),
    variants: VariantsSchema.partial().optional(),
    replicationLagMs: nonNegativeMs.optional(),
    latencyMs: nonNegativeMs.optional(),
  })
  .strict();
export type EmulatorSeed = z.infer<typeof EmulatorSeedSchema>;

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

export function settingsFromSeed(seed: EmulatorSeed): EmulatorSettings {
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

export function tokensFromSeed(seed: EmulatorSeed): Map<string, TokenRole> {
  const tokens: SeedToken[] = seed.tokens ?? [
    { token: DEMO_TOKENS.admin, role: "admin" },
    { token: DEMO_TOKENS.readOnly, role: "readonly" },
  ];
  return new Map(tokens.map((entry) => [entry.token, entry.role]));
}
