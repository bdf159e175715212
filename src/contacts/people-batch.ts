/**
 * A list's two batches: looking everyone up (through the pane's one cache) and adding the ticked
 * ones (the same create-then-update sequence as the single Add, `promoteContact`), both through
 * one CallGate so that the list never outruns the directory's throttling.
 *
 * Never two contacts: a row whose create happened or may have happened is only ever resumed
 * (promote.ts looks before it creates again), and a new create needs the sender-trust guard's
 * leave (`mayCreate`), asked just before it, as the single Add asks it.
 */
import { gatedDirectory, runBatch, type CallGate, type RowResult } from "./batch";
import type { ContactDirectory } from "./directory";
import type { ContactLookup } from "./lookup";
import type { promoteContact as PromoteContact } from "./promote";
import type { ContactDraft } from "./types";
import type { LookupResult, PromoteOutcome, PromoteState, PromoteStepId } from "./workflow-types";

export interface LookUpPeopleOptions {
  gate: CallGate;
  signal?: AbortSignal;
  onSettled?(address: string, result: RowResult<LookupResult>): void;
}

/** Looks each address up: cached answers at once, the rest one search each, through the gate. */
export function lookUpPeople(
  lookup: ContactLookup,
  addresses: readonly string[],
  options: LookUpPeopleOptions,
): Promise<RowResult<LookupResult>[]> {
  const { gate, signal } = options;
  return runBatch<string, LookupResult>(
    addresses,
    async (address) => {
      const cached = lookup.peek(address);
      if (cached) return { status: "done", value: cached };
      const value = await gate.run(() => lookup.lookupListed(address, { signal }), signal);
      return { status: "done", value };
    },
    { gate, signal, ...(options.onSettled ? { onSettled: options.onSettled } : {}) },
  );
}

export interface PersonToAdd {
  key: string;
  draft: ContactDraft;
  /** A failed earlier run's state: Finish continues from it (never a second create once create may have happened). */
  resume?: PromoteState;
}

/** What one row came to: the promotion's outcome, or "not-allowed" when the trust guard refused a new create. */
export type PersonAddResult = PromoteOutcome | { status: "not-allowed" };

export interface AddPeopleOptions {
  gate: CallGate;
  signal?: AbortSignal;
  /** The promotion (the pane's lazily loaded draft workflow provides it). */
  promote: typeof PromoteContact;
  /** The sender-trust guard's leave for a new create of `key`; not asked when the row resumes. */
  mayCreate(key: string): boolean;
  onStart?(key: string): void;
  onProgress?(key: string, step: PromoteStepId): void;
  onSettled?(key: string, result: PersonAddResult): void;
}

export function createMayHaveHappened(state: PromoteState | undefined): boolean {
  return (
    state !== undefined &&
    (state.completed.includes("create") || state.contact !== null || state.createOutcomeUnknown)
  );
}

/** Runs one promotion per person through the gate; a throttled row resumes from where it stopped. */
export async function addPeople(
  directory: ContactDirectory,
  people: readonly PersonToAdd[],
  options: AddPeopleOptions,
): Promise<PersonAddResult[]> {
  const { gate, signal } = options;
  const gated = gatedDirectory(directory, gate);
  const results = await runBatch<PersonToAdd, PersonAddResult>(
    people,
    async (person, { previous }) => {
      const earlier = previous?.value;
      const state = earlier && earlier.status === "failed" ? earlier.state : person.resume;
      const resume = createMayHaveHappened(state) ? state : undefined;
      if (!resume && !options.mayCreate(person.key))
        return { status: "done", value: { status: "not-allowed" } };
      options.onStart?.(person.key);
      const outcome = await options.promote(gated, resume?.draft ?? person.draft, {
        signal,
        ...(resume ? { resume } : {}),
        onProgress: (progress) => options.onProgress?.(person.key, progress.step),
      });
      return outcome.status === "done"
        ? { status: "done", value: outcome }
        : { status: "failed", error: outcome.error, value: outcome };
    },
    {
      gate,
      signal,
      onSettled: (person, result) => options.onSettled?.(person.key, settledValue(person, result)),
    },
  );
  return results.map((result, index) => settledValue(people[index] as PersonToAdd, result));
}

/** A row's last result as a PersonAddResult (a row the batch never reached failed as aborted, with nothing done). */
function settledValue(person: PersonToAdd, result: RowResult<PersonAddResult>): PersonAddResult {
  if (result.value) return result.value;
  if (result.status === "done") return { status: "not-allowed" };
  const state: PromoteState = person.resume ?? {
    draft: person.draft,
    nameUsed: person.draft.name,
    completed: [],
    contact: null,
    createOutcomeUnknown: false,
  };
  return { status: "failed", failedStep: "create", error: result.error, state };
}
