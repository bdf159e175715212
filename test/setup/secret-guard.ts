/**
 * Suite-wide guard: fails a test when a known test bearer token shows up in console
 * output or in a line given to a guarded logger. Tokens must never reach logs, and a
 * test run is the cheapest place to catch one that does.
 *
 * Known tokens: the emulator's DEMO_TOKENS and anything a test registers with
 * `registerSecretForGuard(token)`. Registered in jest.config.js (setupFilesAfterEnv),
 * so it runs in every test file; the state lives on globalThis so that a test file and
 * this setup file share it whatever the module registry does.
 */
import { format } from "node:util";
import { DEMO_TOKENS } from "../../src/emulator/seed";

interface GuardState {
  secrets: Set<string>;
  violations: string[];
  consolePatched: boolean;
}

const STATE_KEY = Symbol.for("gal-contact-addin.secret-guard");
/** Shorter strings would match by accident in ordinary output. */
const MIN_SECRET_LENGTH = 8;

function guardState(): GuardState {
  const holder = globalThis as unknown as Record<symbol, GuardState | undefined>;
  holder[STATE_KEY] ??= {
    secrets: new Set(Object.values(DEMO_TOKENS)),
    violations: [],
    consolePatched: false,
  };
  return holder[STATE_KEY];
}

/** Adds a token the guard must never see in output. */
export function registerSecretForGuard(secret: string): void {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `secret-guard: register tokens of at least ${MIN_SECRET_LENGTH} characters (shorter ones match by accident)`,
    );
  }
  guardState().secrets.add(secret);
}

/** Which registered secrets `text` contains, by position in the registry (never the secret itself). */
export function secretsIn(text: string): number[] {
  const found: number[] = [];
  [...guardState().secrets].forEach((secret, index) => {
    if (text.includes(secret)) found.push(index + 1);
  });
  return found;
}

/** Records a violation if `text` contains a registered secret; `where` says which output it was. */
export function checkForSecrets(text: string, where: string): void {
  const found = secretsIn(text);
  if (found.length > 0)
    guardState().violations.push(`${where} contained known test token #${found.join(", #")}`);
}

/** A logger for code under test: keeps the lines in `sink` and checks every one. */
export function guardedLogger(sink: string[] = []): (line: string) => void {
  return (line: string) => {
    checkForSecrets(line, "a logger line");
    sink.push(line);
  };
}

/** Removes and returns the violations recorded so far (for the guard's own test). */
export function takeSecretViolations(): string[] {
  return guardState().violations.splice(0);
}

function patchConsole(): void {
  const state = guardState();
  if (state.consolePatched) return;
  state.consolePatched = true;
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      checkForSecrets(format(...args), `console.${method} output`);
      original(...args);
    };
  }
}

function failOnViolations(): void {
  const violations = takeSecretViolations();
  if (violations.length === 0) return;
  throw new Error(`secret-guard: ${violations.join("; ")}. Tokens must never be logged.`);
}

patchConsole();
afterEach(failOnViolations);
afterAll(failOnViolations);
