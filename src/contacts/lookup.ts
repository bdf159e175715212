/**
 * "Does the organization already have a contact for this sender?" — answered with as
 * few searches as possible, because the admin center's rate limits are strict and the
 * pane asks on every message switch.
 *
 * - One search per lookup; the answer is cached per address for the session.
 * - A cached answer is returned at once; when it is older than `freshForMs` it is also
 *   refreshed in the background, and subscribers hear about it only if it changed.
 * - Only the newest lookup matters: switching messages quickly aborts the older search,
 *   whose promise rejects with DirectoryError kind "aborted", so one sender's verdict is
 *   never shown on another.
 * - Writes (promote, edit) tell the cache through `remember`, so the pane does not
 *   search again (and does not see a stale "missing" while the directory replicates).
 * - What the verdict does not need is asked for after it, once per address, and kept in the
 *   same entry: an existing contact's details (`readDetails`, on backends whose lookup lacks
 *   the company) and who else holds a missing address (`checkHolder`).
 *
 * Why not @tanstack/query-core (measured 2026-11-30, v5.108.4, esbuild --minify, gzip -9): its
 * QueryClient alone is 8.3 KB gzip against 1.3 KB for this file, and it would still need code
 * of ours for what matters here: superseding the previous sender's search across keys, a
 * version guard so a refresh started before a write cannot overwrite it (cancelQueries before
 * each setQueryData), and "changed" judged on visible fields only (a custom structuralSharing).
 */
import { untilAborted } from "./abortable";
import { addressKey } from "./address";
import { DirectoryError } from "./directory-error";
import type { ContactDirectory, MailContact } from "./directory";
import type { LookupResult } from "./workflow-types";

export interface ContactLookupOptions {
  now?: () => number;
  /** Cache entries younger than this are not refreshed. Default 60 s. */
  freshForMs?: number;
}

export type LookupListener = (address: string, result: LookupResult) => void;

interface CacheEntry {
  result: LookupResult;
  fetchedAt: number;
  /** Bumped on every change, so a search that started before a write cannot overwrite it. */
  version: number;
}

interface InFlightLookup {
  controller: AbortController;
}

const DEFAULT_FRESH_FOR_MS = 60_000;

export class ContactLookup {
  readonly #directory: ContactDirectory;
  readonly #now: () => number;
  readonly #freshForMs: number;
  readonly #cache = new Map<string, CacheEntry>();
  readonly #refreshing = new Set<string>();
  /** Addresses whose details or holder are being asked for: one call each at a time. */
  readonly #completing = new Set<string>();
  readonly #listeners = new Set<LookupListener>();
  /** A list's searches in flight, by address key: rows (and lists) asking for the same address share one. */
  readonly #listed = new Map<string, Promise<LookupResult>>();
  #current: InFlightLookup | null = null;

  constructor(directory: ContactDirectory, options: ContactLookupOptions = {}) {
    this.#directory = directory;
    this.#now = options.now ?? Date.now;
    this.#freshForMs = options.freshForMs ?? DEFAULT_FRESH_FOR_MS;
  }

  /** Cached answer for an address, instantly, or undefined. */
  peek(address: string): LookupResult | undefined {
    return this.#cache.get(addressKey(address))?.result;
  }

  /**
   * One search per lookup (directory.findByAddress). A cached answer is returned at once
   * (and refreshed in the background when stale). A newer lookup supersedes an older one
   * still in flight: the older one rejects with kind "aborted" and its request is aborted.
   */
  async lookup(address: string, options: { signal?: AbortSignal } = {}): Promise<LookupResult> {
    const key = addressKey(address);
    const previous = this.#current;
    this.#current = null;
    previous?.controller.abort();

    if (options.signal?.aborted) throw abortedError();

    const cached = this.#cache.get(key);
    if (cached) {
      if (this.#now() - cached.fetchedAt >= this.#freshForMs) this.#refreshInBackground(address, key);
      return cached.result;
    }

    // A list's search for this very address is already out: wait for it rather than search again.
    const listed = this.#listed.get(key);
    if (listed) return untilAborted(listed, options.signal, abortedError);

    const inFlight: InFlightLookup = { controller: new AbortController() };
    this.#current = inFlight;
    const stopFollowingCaller = followAbort(options.signal, inFlight.controller);
    try {
      const contact = await untilAborted(
        this.#directory.findByAddress(address, { signal: inFlight.controller.signal }),
        inFlight.controller.signal,
        abortedError,
      );
      const entry = this.#cache.get(key);
      // A write (remember) that landed while we searched knows better than the search.
      if (entry) return entry.result;
      const result = toLookupResult(contact);
      this.#cache.set(key, { result, fetchedAt: this.#now(), version: 0 });
      return result;
    } catch (error) {
      if (inFlight.controller.signal.aborted) throw abortedError();
      throw error;
    } finally {
      stopFollowingCaller();
      if (this.#current === inFlight) this.#current = null;
    }
  }

  /**
   * A lookup for one row of a list (everyone on a message, a selection): the same cache and the
   * same one search per address, but it neither supersedes the sender's lookup nor is superseded
   * by it or by the list's other rows. Rows asking for the same address share one search.
   * `signal` stops waiting; the shared search goes on for whoever else waits for it.
   */
  async lookupListed(address: string, options: { signal?: AbortSignal } = {}): Promise<LookupResult> {
    const key = addressKey(address);
    if (options.signal?.aborted) throw abortedError();
    const cached = this.#cache.get(key);
    if (cached) {
      if (this.#now() - cached.fetchedAt >= this.#freshForMs) this.#refreshInBackground(address, key);
      return cached.result;
    }
    let search = this.#listed.get(key);
    if (!search) {
      search = this.#directory.findByAddress(address).then((contact) => {
        const entry = this.#cache.get(key);
        // A write (remember) that landed while we searched knows better than the search.
        if (entry) return entry.result;
        const result = toLookupResult(contact);
        this.#cache.set(key, { result, fetchedAt: this.#now(), version: 0 });
        return result;
      });
      this.#listed.set(key, search);
      const forget = () => this.#listed.delete(key);
      search.then(forget, forget);
    }
    return options.signal ? untilAborted(search, options.signal, abortedError) : search;
  }

  /**
   * For a cached existing contact: reads the fields its lookup did not carry (the company on
   * Exchange) with the backend's `readDetails`, once, and tells subscribers when they differ.
   * Nothing to do on a backend whose lookup already carries them. Never rejects: without the
   * details the verdict stays as it is.
   */
  async readDetails(address: string, options: { signal?: AbortSignal } = {}): Promise<void> {
    const readDetails = this.#directory.readDetails?.bind(this.#directory);
    const entry = this.#cache.get(addressKey(address));
    if (!readDetails || entry?.result.status !== "exists") return;
    const contact = entry.result.contact;
    await this.#complete(
      address,
      entry.version,
      async (signal) => ({
        status: "exists",
        contact: await readDetails(contact, { signal }),
      }),
      options.signal,
    );
  }

  /**
   * For a cached "missing": asks who else holds the address (a guest, mailbox, group...) with
   * the backend's `findHolder`, once, and stores the answer in the entry (`holder`, null for
   * nobody), which subscribers hear about when someone does. Never rejects: without an
   * answer the verdict stays "missing" and a create would name the holder.
   */
  async checkHolder(address: string, options: { signal?: AbortSignal } = {}): Promise<void> {
    const findHolder = this.#directory.findHolder?.bind(this.#directory);
    const entry = this.#cache.get(addressKey(address));
    if (!findHolder || entry?.result.status !== "missing" || entry.result.holder !== undefined) return;
    await this.#complete(
      address,
      entry.version,
      async (signal) => ({
        status: "missing",
        holder: await findHolder(address, { signal }),
      }),
      options.signal,
    );
  }

  async #complete(
    address: string,
    version: number,
    read: (signal: AbortSignal | undefined) => Promise<LookupResult>,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const key = addressKey(address);
    if (this.#completing.has(key)) return;
    this.#completing.add(key);
    try {
      const result = await read(signal);
      const entry = this.#cache.get(key);
      // A write or a refresh that landed meanwhile knows better.
      if (entry?.version !== version) return;
      // Kept even when nothing visible changed (so it is not asked again), but then it is no
      // news: no subscriber hears, and a refresh already out still lands. The entry keeps its
      // age either way: the verdict's part of it was read when it was.
      const news = !sameLookupResult(entry.result, result);
      this.#cache.set(key, { result, fetchedAt: entry.fetchedAt, version: news ? version + 1 : version });
      if (news) this.#notify(address, result);
    } catch {
      // Kept as it was; the next verdict for this address asks again.
    } finally {
      this.#completing.delete(key);
    }
  }

  /** Called when a background refresh or a write changes what is known about an address. Returns unsubscribe. */
  subscribe(listener: LookupListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Forgets what is known about an address (a 404 on an edit: the contact was deleted
   * elsewhere), so the next lookup asks the directory. A background refresh already out
   * for it is dropped when it lands.
   */
  forget(address: string): void {
    this.#cache.delete(addressKey(address));
  }

  /** Writes update the cache: call after promote or edit with what the write returned. */
  remember(address: string, result: LookupResult): void {
    this.#store(address, addressKey(address), result);
  }

  #store(address: string, key: string, result: LookupResult): void {
    const previous = this.#cache.get(key);
    this.#cache.set(key, {
      result,
      fetchedAt: this.#now(),
      version: (previous?.version ?? 0) + 1,
    });
    if (previous && sameLookupResult(previous.result, result)) return;
    this.#notify(address, result);
  }

  #refreshInBackground(address: string, key: string): void {
    if (this.#refreshing.has(key)) return;
    const startedAt = this.#cache.get(key)?.version;
    this.#refreshing.add(key);
    const shown = this.#cache.get(key)?.result;
    this.#directory
      .findByAddress(address)
      // A contact shown with its details is refreshed with them, so its company does not blink.
      .then((contact) =>
        contact && shown?.status === "exists" && this.#directory.readDetails
          ? this.#directory.readDetails(contact)
          : contact,
      )
      .then((contact) => {
        // Skip if a write changed the entry while this search was out: it is older news.
        const entry = this.#cache.get(key);
        if (!entry || entry.version !== startedAt) return;
        this.#store(address, key, refreshed(entry.result, contact));
      })
      .catch(() => {
        // A failed refresh keeps the cached answer; the next lookup tries again.
      })
      .finally(() => {
        this.#refreshing.delete(key);
      });
  }

  #notify(address: string, result: LookupResult): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(address, result);
      } catch (error) {
        // One faulty listener must not stop the others or the write that triggered it.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

function toLookupResult(contact: MailContact | null): LookupResult {
  return contact ? { status: "exists", contact } : { status: "missing" };
}

/** A background refresh's answer, keeping the holder found for a still-missing address. */
function refreshed(previous: LookupResult, contact: MailContact | null): LookupResult {
  if (contact) return { status: "exists", contact };
  return previous.status === "missing" ? previous : { status: "missing" };
}

/** Fields a person can see in the pane; the backend's raw snapshot does not count. */
const VISIBLE_CONTACT_FIELDS = [
  "id",
  "name",
  "displayName",
  "firstName",
  "lastName",
  "address",
  "company",
  "title",
  "phone",
  "mobilePhone",
  "fax",
  "webPage",
  "mailTip",
  "hiddenFromAddressLists",
  "dirSynced",
  "adminCenterUrl",
] as const satisfies readonly (keyof MailContact)[];

function sameLookupResult(a: LookupResult, b: LookupResult): boolean {
  if (a.status === "missing" || b.status === "missing") {
    if (a.status !== b.status) return false;
    const [holderA, holderB] = [a.status === "missing" && a.holder, b.status === "missing" && b.holder];
    return holderA && holderB
      ? holderA.name === holderB.name && holderA.kind === holderB.kind
      : !holderA && !holderB;
  }
  return VISIBLE_CONTACT_FIELDS.every((field) => a.contact[field] === b.contact[field]);
}

function abortedError(): DirectoryError {
  // A newer lookup replaced it, or the caller stopped it.
  return new DirectoryError({ kind: "aborted", operation: "findByAddress" });
}

/** Aborts `controller` when `signal` aborts; returns a function that stops listening. */
function followAbort(signal: AbortSignal | undefined, controller: AbortController): () => void {
  if (!signal) return () => {};
  const onAbort = () => controller.abort();
  signal.addEventListener("abort", onAbort, { once: true });
  return () => signal.removeEventListener("abort", onAbort);
}
