import { SignInError, type SignInFailure } from "../../auth/sign-in-error";
import { DirectoryError, type DirectoryErrorKind } from "../../contacts/directory-error";
import { EXCHANGE_WRITE_ROLES } from "../../contacts/exchange-rules";
import { strings } from "../strings";
import { DEFAULT_THROTTLE_WAIT_MS, failureOf, guidanceFor, secondsUntil } from "./error-guidance";

const NOW = 1_700_000_000_000;

function failure(
  kind: DirectoryErrorKind,
  init: { retryAfterMs?: number } = {},
  automaticRetryAllowed = true,
) {
  const error = new DirectoryError({ kind, ...init });
  return failureOf({ type: "lookup" }, error, { now: NOW, automaticRetryAllowed });
}

describe("guidanceFor", () => {
  test("forbidden names every role that can write contacts and offers nothing to click", () => {
    const guidance = guidanceFor(failure("forbidden"), NOW);
    for (const role of EXCHANGE_WRITE_ROLES) expect(guidance.message).toContain(role);
    expect(guidance.remedy).toBe("none");
    expect(guidance.intent).toBe("error");
  });

  test("throttled with Retry-After counts down to the server's time, then waits for the automatic retry", () => {
    const throttled = failure("throttled", { retryAfterMs: 3_000 });
    expect(throttled.autoRetryAt).toBe(NOW + 3_000);
    expect(guidanceFor(throttled, NOW)).toMatchObject({ remedy: "wait", intent: "warning" });
    expect(guidanceFor(throttled, NOW).message).toContain("3 seconds");
    expect(guidanceFor(throttled, NOW + 2_100).message).toContain("1 second.");
  });

  test("throttled without Retry-After waits the default time", () => {
    expect(failure("throttled").autoRetryAt).toBe(NOW + DEFAULT_THROTTLE_WAIT_MS);
  });

  test("throttled again after the automatic retry: no second automatic retry, a manual one is offered", () => {
    const again = failure("throttled", { retryAfterMs: 1_000 }, false);
    expect(again.autoRetryAt).toBeNull();
    expect(guidanceFor(again, NOW).remedy).toBe("retry");
  });

  test("only throttling is retried automatically", () => {
    for (const kind of ["unavailable", "protocol", "unauthenticated", "forbidden"] as const) {
      expect(failure(kind).autoRetryAt).toBeNull();
    }
  });

  test("unauthenticated offers sign-in, and says so differently when sign-in itself failed", () => {
    const expired = failure("unauthenticated");
    expect(guidanceFor(expired, NOW).remedy).toBe("sign-in");
    const afterFailedSignIn = guidanceFor({ ...expired, signInFailed: true }, NOW);
    expect(afterFailedSignIn.remedy).toBe("sign-in");
    expect(afterFailedSignIn.message).not.toBe(guidanceFor(expired, NOW).message);
  });

  test.each([
    ["interaction-required", "sign-in"],
    ["network", "retry"],
    ["admin-setup", "none"],
    ["failed", "retry"],
  ] as const)("a token failure that is %s offers %s", (signIn: SignInFailure, remedy) => {
    const error = new DirectoryError({
      kind: "unauthenticated",
      detail: "no token",
      cause: new SignInError(signIn, "invalid_resource"),
    });
    const guidance = guidanceFor(
      failureOf({ type: "lookup" }, error, { now: NOW, automaticRetryAllowed: true }),
      NOW,
    );
    expect(guidance.remedy).toBe(remedy);
  });

  test("an Entra refusal shows its codes and points to the admin setup guide", () => {
    const error = new DirectoryError({
      kind: "unauthenticated",
      detail: "no token",
      cause: new SignInError("admin-setup", "consent_required", "AADSTS65001"),
    });
    const guidance = guidanceFor(
      failureOf({ type: "lookup" }, error, { now: NOW, automaticRetryAllowed: true }),
      NOW,
    );
    expect(guidance.message).toContain("AADSTS65001");
    expect(guidance.message).toContain("consent_required");
    expect(guidance.message).toContain("docs/admin-setup.md");
  });

  test("after Sign in again fails with consent refused, it is not offered again", () => {
    const expired = failure("unauthenticated");
    const guidance = guidanceFor(
      { ...expired, signInFailed: true, signInProblem: { failure: "admin-setup", aadsts: "AADSTS90094" } },
      NOW,
    );
    expect(guidance.remedy).toBe("none");
    expect(guidance.message).toContain("AADSTS90094");
  });

  test("unavailable and protocol offer a retry with different explanations", () => {
    const transient = guidanceFor(failure("unavailable"), NOW);
    const protocol = guidanceFor(failure("protocol"), NOW);
    expect(transient.remedy).toBe("retry");
    expect(protocol.remedy).toBe("retry");
    expect(protocol.message).toMatch(/answered in a way/);
    expect(transient.message).not.toBe(protocol.message);
  });

  test("invalid quotes Exchange's reason as Exchange's, and says so when there is none", () => {
    const refused = new DirectoryError({ kind: "invalid", serviceText: "The maximum length is 64." });
    const said = guidanceFor(
      failureOf({ type: "lookup" }, refused, { now: NOW, automaticRetryAllowed: true }),
      NOW,
    );
    expect(said).toMatchObject({
      remedy: "none",
      message: strings.errors.refusedSaying("The maximum length is 64."),
    });
    expect(guidanceFor(failure("invalid"), NOW).message).toBe(strings.errors.refused);
  });

  test("the messages name no backend (a second one is coming)", () => {
    const kinds = [
      "unauthenticated",
      "forbidden",
      "not-found",
      "conflict",
      "invalid",
      "throttled",
      "unavailable",
      "protocol",
      "aborted",
    ] as const;
    for (const kind of kinds) {
      for (const automaticRetryAllowed of [true, false]) {
        expect(guidanceFor(failure(kind, {}, automaticRetryAllowed), NOW).message).not.toMatch(
          /admin center/i,
        );
      }
    }
  });

  test("an address held by someone else names the holder and its kind, and offers nothing to retry", () => {
    const held = new DirectoryError({
      kind: "conflict",
      reason: "address-held-by",
      holder: { name: "Ada Lovelace", kind: "mailbox" },
    });
    const guidance = guidanceFor(
      failureOf({ type: "promote" }, held, { now: NOW, automaticRetryAllowed: true }),
      NOW,
    );
    expect(guidance).toMatchObject({
      remedy: "none",
      message: strings.errors.addressHeldBy("Ada Lovelace", "a mailbox"),
    });
  });

  test("forbidden on a lookup asks for a role to read, on a write for one to change", () => {
    const read = new DirectoryError({ kind: "forbidden", operation: "findByAddress" });
    const options = { now: NOW, automaticRetryAllowed: true };
    expect(guidanceFor(failureOf({ type: "lookup" }, read, options), NOW).message).toBe(
      strings.errors.forbiddenToRead(EXCHANGE_WRITE_ROLES),
    );
  });
});

test("secondsUntil rounds up and never says 0 while a retry is pending", () => {
  expect(secondsUntil(NOW + 2_001, NOW)).toBe(3);
  expect(secondsUntil(NOW + 1_000, NOW)).toBe(1);
  expect(secondsUntil(NOW - 50, NOW)).toBe(1);
});
