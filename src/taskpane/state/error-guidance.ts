/**
 * Turns a DirectoryError into what the pane says and offers: words a person can act on
 * and the one action that helps. Pure, so every kind is tested without rendering.
 */
import type { DirectoryError } from "../../contacts/directory-error";
import { SignInError } from "../../auth/sign-in-error";
import { errorMessage, strings } from "../strings";
import type { ActionFailure, SignInProblem } from "./pane-state";

/** When the server does not say how long to wait after a 429/503. */
export const DEFAULT_THROTTLE_WAIT_MS = 5_000;

export type FailureRemedy =
  /** Call services.signInAgain(), then run the action again. */
  | "sign-in"
  /** Run the action again on request. */
  | "retry"
  /** Throttled: the pane retries by itself at `autoRetryAt`; a countdown is shown. */
  | "wait"
  /** Nothing the pane can do; the text says what the person can. */
  | "none";

export interface FailureGuidance {
  intent: "error" | "warning";
  message: string;
  remedy: FailureRemedy;
}

export function guidanceFor(failure: ActionFailure, now: number): FailureGuidance {
  const { error } = failure;
  const message = errorMessage(error);
  switch (error.kind) {
    case "throttled":
      if (failure.autoRetryAt !== null) {
        return {
          intent: "warning",
          message: strings.errors.throttledRetrying(secondsUntil(failure.autoRetryAt, now)),
          remedy: "wait",
        };
      }
      return { intent: "warning", message, remedy: "retry" };
    case "unauthenticated": {
      const problem = failure.signInProblem ?? signInProblemOf(error.cause);
      if (problem && (failure.signInFailed || problem.failure !== "interaction-required")) {
        return signInGuidance(problem);
      }
      return {
        intent: "warning",
        message: failure.signInFailed ? strings.errors.signInFailed : message,
        remedy: "sign-in",
      };
    }
    case "protocol":
      // A sign-in page instead of data: the token was not accepted.
      if (error.reason === "sign-in-page") return { intent: "warning", message, remedy: "sign-in" };
      return { intent: "error", message, remedy: "retry" };
    case "aborted":
      return { intent: "warning", message, remedy: "retry" };
    case "forbidden":
      return { intent: "error", message, remedy: "none" };
    case "conflict":
      // The address belongs to someone else: nothing to retry. A Name can be changed, then retried.
      return { intent: "error", message, remedy: error.reason === "address-held-by" ? "none" : "retry" };
    case "invalid":
      return { intent: "error", message, remedy: "none" };
    case "not-found":
    case "unavailable":
      return { intent: "error", message, remedy: "retry" };
  }
}

/** The facts of a SignInError behind a token failure (the directory keeps it as `cause`). */
function signInProblemOf(cause: unknown): SignInProblem | undefined {
  if (!(cause instanceof SignInError)) return undefined;
  return {
    failure: cause.failure,
    ...(cause.code ? { code: cause.code } : {}),
    ...(cause.aadsts ? { aadsts: cause.aadsts } : {}),
  };
}

/**
 * "Sign in again" only where signing in can help; a network failure is retried, and an
 * Entra refusal (consent, registration) goes to an administrator with its code.
 */
function signInGuidance(problem: SignInProblem): FailureGuidance {
  const codes = [problem.aadsts, problem.code].filter((code): code is string => Boolean(code));
  const text = strings.signIn[problem.failure];
  const message = codes.length > 0 ? `${text} ${strings.signIn.codes(codes)}` : text;
  switch (problem.failure) {
    case "interaction-required":
    case "cancelled":
    case "aborted":
      return { intent: "warning", message, remedy: "sign-in" };
    case "network":
    case "failed":
      return { intent: "error", message, remedy: "retry" };
    case "admin-setup":
    case "unavailable":
      return { intent: "error", message, remedy: "none" };
  }
}

/** Whole seconds left, never below 1 while a retry is pending (a "0 seconds" message reads wrong). */
export function secondsUntil(deadline: number, now: number): number {
  return Math.max(1, Math.ceil((deadline - now) / 1000));
}

/**
 * A failure record for an action. Throttling is retried automatically once: only when
 * the failed attempt was not itself the automatic retry.
 */
export function failureOf(
  action: ActionFailure["action"],
  error: DirectoryError,
  options: { now: number; automaticRetryAllowed: boolean },
): ActionFailure {
  const autoRetryAt =
    error.kind === "throttled" && options.automaticRetryAllowed
      ? options.now + (error.retryAfterMs ?? DEFAULT_THROTTLE_WAIT_MS)
      : null;
  return { action, error, autoRetryAt, signingIn: false, signInFailed: false };
}
