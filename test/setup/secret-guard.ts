/**
 * Suite-wide guard: fails a test when a known test bearer token shows up in console
 * output or in a line given to a guarded logger. Tokens must never reach logs, and a
 * test run is the cheapest place to catch one that does.
 *
 * Console output is read from Jest's own console buffer after each test rather than by
 * wrapping console methods, so that Jest still reports where each line was logged from.
 * Only a console without a buffer (Jest's --silent console, a plain console) is wrapped.
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
  /** How many entries of Jest's console buffer have been checked already. */
  consoleEntriesChecked: number;
}

interface BufferedConsoleEntry {
  message: string;
  type: string;
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
    consoleEntriesChecked: 0,
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

function consoleBuffer(): (() => BufferedConsoleEntry[] | undefined) | null {
  const jestConsole = console as unknown as { getBuffer?: () => BufferedConsoleEntry[] | undefined };
  // Jest's --silent console has a buffer too, but drops every call before it gets there.
  if (console.constructor.name === "NullConsole") return null;
  return typeof jestConsole.getBuffer === "function" ? jestConsole.getBuffer.bind(jestConsole) : null;
}

/** Checks console lines logged since the last call (Jest's buffered and verbose consoles keep them). */
function checkConsoleBuffer(): void {
  const getBuffer = consoleBuffer();
  if (!getBuffer) return;
  const state = guardState();
  const entries = getBuffer() ?? [];
  for (const entry of entries.slice(state.consoleEntriesChecked)) {
    checkForSecrets(entry.message, `console.${entry.type} output`);
  }
  state.consoleEntriesChecked = entries.length;
}

/** For a console without a buffer: check each call as it happens. */
function wrapUnbufferedConsole(): void {
  const state = guardState();
  if (state.consolePatched || consoleBuffer()) return;
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
  checkConsoleBuffer();
  const violations = takeSecretViolations();
  if (violations.length === 0) return;
  throw new Error(`secret-guard: ${violations.join("; ")}. Tokens must never be logged.`);
}

wrapUnbufferedConsole();
afterEach(failOnViolations);
afterAll(failOnViolations);
