/**
 * The public shapes of the contacts workflows (lookup, promote, edit), shared by the
 * implementation (lookup.ts, promote.ts, edit.ts) and the pane that renders them.
 */
import type { AddressHolder, DirectoryError, DirectoryField } from "./directory-error";
import type { MailContact } from "./directory";
import type { ContactDraft } from "./types";

export type LookupResult =
  | { status: "exists"; contact: MailContact }
  /**
   * No mail contact has the address. `holder`: another recipient (a guest, mailbox, group...)
   * does, as `ContactLookup.checkHolder` found; null when it asked and nobody does.
   */
  | { status: "missing"; holder?: AddressHolder | null };

/** A step of a promotion; the pane words each (strings.ts). */
export type PromoteStepId = "create" | "locate" | "update-general" | "update-options" | "verify";

/** The one list of steps, in order ("verify" only when asked for): the pane's progress rows derive from it. */
export const STEP_ORDER: readonly PromoteStepId[] = [
  "create",
  "locate",
  "update-general",
  "update-options",
  "verify",
];

export interface PromoteProgress {
  step: PromoteStepId;
  /** 1-based position of the step among the steps this run will do. */
  index: number;
  total: number;
}

/**
 * Where a promotion stands. Plain data: a failed run returns it, and passing it back
 * as `resume` continues from the failed step (create is never re-sent once it is known
 * to have happened).
 */
export interface PromoteState {
  /** The user's draft, exactly as they left it. */
  draft: ContactDraft;
  /** The Name actually used for create (may differ from draft.name after a collision). */
  nameUsed: string;
  completed: PromoteStepId[];
  /** The contact as last read or written, once known. */
  contact: MailContact | null;
  /** True when create failed ambiguously: the next attempt must look before creating. */
  createOutcomeUnknown: boolean;
  /**
   * After an ambiguous create: what the look that followed it found. "not-seen": the search
   * answered without the contact (it may still appear); "failed": the search failed too.
   */
  createCheck?: "not-seen" | "failed";
  /**
   * On a failure after create, when the stored contact is known: the intended fields it does
   * not have yet (what a Finish would still set). Absent when the stored contact is unknown.
   */
  stillMissing?: DirectoryField[];
}

export type PromoteOutcome =
  | {
      status: "done";
      contact: MailContact;
      /** True when the contact turned out to exist already (someone else created it meanwhile). */
      alreadyExisted: boolean;
      state: PromoteState;
    }
  | {
      status: "failed";
      /** The step that failed; the others in `state.completed` are done. */
      failedStep: PromoteStepId;
      error: DirectoryError;
      state: PromoteState;
    };

export interface PromoteOptions {
  onProgress?: (progress: PromoteProgress) => void;
  signal?: AbortSignal;
  /** A previous failed run's state: continue from where it stopped. */
  resume?: PromoteState;
  /** Read the contact back after the updates and compare (one extra search). Default false. */
  verify?: boolean;
}
