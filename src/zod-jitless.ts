/**
 * zod without code generation: zod 4 compiles object parsers with `new Function` unless
 * `jitless` is set, and even its probe for eval (caught) is reported as a violation by the
 * pane's CSP (no 'unsafe-eval'). Imported first by every module that builds schemas the
 * browser runs (src/admin-api/wire.ts), before any schema exists: zod decides per schema,
 * when it is built. zod and zod/mini share one global configuration.
 */
import { config } from "zod/mini";

config({ jitless: true });
