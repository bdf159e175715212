/**
 * A jsdom test environment that also has Node's real fetch.
 *
 * jsdom does not provide fetch, and Node's fetch (undici) only accepts Node's own
 * AbortSignal, Request, Headers and streams. Pane tests that drive the real admin center
 * client against the emulator over HTTP therefore need Node's implementations of these
 * globals inside the jsdom window, copied here from the Node global the environment
 * runs in. Use it with a `@jest-environment ./test/setup/jsdom-with-fetch.ts` docblock.
 */
import type { EnvironmentContext, JestEnvironmentConfig } from "@jest/environment";
import { TestEnvironment as JsdomEnvironment } from "jest-environment-jsdom";

/** The Node globals the fetch stack needs, all of which must come from the same realm. */
const NODE_FETCH_GLOBALS = [
  "fetch",
  "Request",
  "Response",
  "Headers",
  "FormData",
  "AbortController",
  "AbortSignal",
  "TextEncoder",
  "TextDecoder",
  "ReadableStream",
  "WritableStream",
  "TransformStream",
  "Blob",
  "structuredClone",
] as const;

export default class JsdomWithFetchEnvironment extends JsdomEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    const target = this.global as unknown as Record<string, unknown>;
    const source = globalThis as unknown as Record<string, unknown>;
    for (const name of NODE_FETCH_GLOBALS) {
      if (source[name] !== undefined) target[name] = source[name];
    }
  }
}
