/**
 * Turns a DirectoryError into what the pane says and offers: words a person can act on
 * and the one action that helps. Pure, so every kind is tested without rendering.
 */
import type { DirectoryError } from "../../contacts/directory-error";
import { SignInError } from "../../auth/sign-in-error";
import { errorMessage, strings } from "../strings";
import type { ActionFailure, SignInProblem } from "./pane-state";

export type FailureRemedy =
  /** Call services.signInAgain(), then run the action again. */
  | "sign-in"
  /** Run the action again on request. */
  | "retry"
  /** Nothing the pane can do; the text says what the person can. */
  | "none";

export interface FailureGuidance {
  intent: "error" | "warning";
  message: string;
  remedy: FailureRemedy;
}

export function guidanceFor(failure: ActionFailure): FailureGuidance {
  const { error } = failure;
  const message = errorMessage(error);
  switch (error.kind) {
    case "throttled":
      // The client waited within the retry policy's budget already; the person decides when to try again.
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
      if (error.reason === "sign-in-page") {
        // A sign-in page again after signing in anew: the token is fresh, so the organization refuses it.
        return failure.afterSignIn
          ? { intent: "error", message: strings.errors.signInPageAgain, remedy: "none" }
          : { intent: "warning", message, remedy: "sign-in" };
      }
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

/** A failure record for an action (nothing retries it behind the person's back). */
export function failureOf(action: ActionFailure["action"], error: DirectoryError): ActionFailure {
  return { action, error, signingIn: false, signInFailed: false };
}
