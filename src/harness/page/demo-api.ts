/**
 * The stand-in page's calls to the demo server: its mailbox, the sign-in switch, reset,
 * and the emulator's control surface (address book, request log, faults, settings).
 * Same origin; nothing here carries a token.
 */
import type { ContactRecord } from "../../admin-api/wire";
import type { RecordedRequest } from "../../emulator/server";
import {
  DEMO_FAULTS,
  DEMO_ROUTES,
  type DemoBackend,
  type DemoFaultName,
  type DemoRole,
  type DemoSession,
} from "../demo-routes";
import type { DemoMailbox } from "../fixtures";

/** One API request as the emulator logged it (with the cmdlet, for InvokeCommand). */
export type LoggedRequest = Pick<RecordedRequest, "method" | "path" | "status" | "at" | "cmdlet">;

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  // Relative to the page, so the demo also runs under a base path (--base-path /gal).
  const response = await fetch(`.${path}`, {
    ...init,
    headers: init.body ? { "Content-Type": "application/json" } : undefined,
    cache: "no-store",
  });
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path} answered ${response.status}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function fetchMailbox(): Promise<DemoMailbox> {
  return call<DemoMailbox>(DEMO_ROUTES.mailbox);
}

export function fetchSession(): Promise<DemoSession> {
  return call<DemoSession>(DEMO_ROUTES.session);
}

export function setRole(role: DemoRole): Promise<DemoSession> {
  return call<DemoSession>(DEMO_ROUTES.session, { method: "POST", body: JSON.stringify({ role }) });
}

export function setBackend(backend: DemoBackend): Promise<DemoSession> {
  return call<DemoSession>(DEMO_ROUTES.session, { method: "POST", body: JSON.stringify({ backend }) });
}

export function resetDemo(): Promise<void> {
  return call<void>(DEMO_ROUTES.reset, { method: "POST" });
}

/** The emulator's stored contacts (GET /__emulator/contacts answers `{ Contacts }`). */
export async function fetchAddressBook(): Promise<ContactRecord[]> {
  const body = await call<{ Contacts?: ContactRecord[] }>(`${DEMO_ROUTES.emulatorPrefix}contacts`);
  return body.Contacts ?? [];
}

/** The emulator's request log, oldest first (GET /__emulator/requests answers `{ Requests }`). */
export async function fetchRequestLog(): Promise<LoggedRequest[]> {
  const body = await call<{ Requests?: RecordedRequest[] }>(`${DEMO_ROUTES.emulatorPrefix}requests`);
  return (body.Requests ?? []).map(({ method, path, status, at, cmdlet }) => ({
    method,
    path,
    status,
    at,
    ...(cmdlet ? { cmdlet } : {}),
  }));
}

export function injectFault(name: DemoFaultName): Promise<void> {
  return call<void>(`${DEMO_ROUTES.emulatorPrefix}faults`, {
    method: "POST",
    body: JSON.stringify(DEMO_FAULTS[name].spec),
  });
}

export function clearFaults(): Promise<void> {
  return call<void>(`${DEMO_ROUTES.emulatorPrefix}faults`, { method: "DELETE" });
}

export function setLatency(latencyMs: number): Promise<void> {
  return call<void>(`${DEMO_ROUTES.emulatorPrefix}settings`, {
    method: "POST",
    body: JSON.stringify({ latencyMs }),
  });
}
