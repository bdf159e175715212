import { SignInError, type SignInFailure } from "../../auth/sign-in-error";
import { DirectoryError, type DirectoryErrorKind } from "../../contacts/directory-error";
import { EXCHANGE_WRITE_ROLES } from "../../contacts/exchange-rules";
import { strings } from "../strings";
import { failureOf, guidanceFor } from "./error-guidance";

function failure(kind: DirectoryErrorKind, init: { retryAfterMs?: number } = {}) {
  return failureOf({ type: "lookup" }, new DirectoryError({ kind, ...init }));
}

describe("guidanceFor", () => {
  test("forbidden names every role that can write contacts and offers nothing to click", () => {
    const guidance = guidanceFor(failure("forbidden"));
    for (const role of EXCHANGE_WRITE_ROLES) expect(guidance.message).toContain(role);
    expect(guidance.remedy).toBe("none");
    expect(guidance.intent).toBe("error");
  });

  test("throttled after the client's retries: Try again is offered, with no countdown of a hidden retry", () => {
    const throttled = guidanceFor(failure("throttled", { retryAfterMs: 3_000 }));
    expect(throttled).toEqual({
      intent: "warning",
      remedy: "retry",
      message: strings.errors.throttledGaveUp,
    });
  });

  test("unauthenticated offers sign-in, and says so differently when sign-in itself failed", () => {
    const expired = failure("unauthenticated");
    expect(guidanceFor(expired).remedy).toBe("sign-in");
    const afterFailedSignIn = guidanceFor({ ...expired, signInFailed: true });
    expect(afterFailedSignIn.remedy).toBe("sign-in");
    expect(afterFailedSignIn.message).not.toBe(guidanceFor(expired).message);
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
    const guidance = guidanceFor(failureOf({ type: "lookup" }, error));
    expect(guidance.remedy).toBe(remedy);
  });

  test("an Entra refusal shows its codes and points to the admin setup guide", () => {
    const error = new DirectoryError({
      kind: "unauthenticated",
      detail: "no token",
      cause: new SignInError("admin-setup", "consent_required", "AADSTS65001"),
    });
    const guidance = guidanceFor(failureOf({ type: "lookup" }, error));
    expect(guidance.message).toContain("AADSTS65001");
    expect(guidance.message).toContain("consent_required");
    expect(guidance.message).toContain("docs/admin-setup.md");
  });

  test("after Sign in again fails with consent refused, it is not offered again", () => {
    const expired = failure("unauthenticated");
    const guidance = guidanceFor({
      ...expired,
      signInFailed: true,
      signInProblem: { failure: "admin-setup", aadsts: "AADSTS90094" },
    });
    expect(guidance.remedy).toBe("none");
    expect(guidance.message).toContain("AADSTS90094");
  });

  test("unavailable and protocol offer a retry with different explanations", () => {
    const transient = guidanceFor(failure("unavailable"));
    const protocol = guidanceFor(failure("protocol"));
    expect(transient.remedy).toBe("retry");
    expect(protocol.remedy).toBe("retry");
    expect(protocol.message).toMatch(/answered in a way/);
    expect(transient.message).not.toBe(protocol.message);
  });

  test("invalid quotes Exchange's reason as Exchange's, and says so when there is none", () => {
    const refused = new DirectoryError({ kind: "invalid", serviceText: "The maximum length is 64." });
    const said = guidanceFor(failureOf({ type: "lookup" }, refused));
    expect(said).toMatchObject({
      remedy: "none",
      message: strings.errors.refusedSaying("The maximum length is 64."),
    });
    expect(guidanceFor(failure("invalid")).message).toBe(strings.errors.refused);
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
      expect(guidanceFor(failure(kind)).message).not.toMatch(/admin center/i);
    }
  });

  test("an address held by someone else names the holder and its kind, and offers nothing to retry", () => {
    const held = new DirectoryError({
      kind: "conflict",
      reason: "address-held-by",
      holder: { name: "Ada Lovelace", kind: "mailbox" },
    });
    const guidance = guidanceFor(failureOf({ type: "promote" }, held));
    expect(guidance).toMatchObject({
      remedy: "none",
      message: `${strings.errors.addressHeldBy("Ada Lovelace", "a mailbox")} ${strings.errors.addressHeldAdvice}`,
    });
  });

  test("forbidden on a lookup asks for a role to read, on a write for one to change", () => {
    const read = new DirectoryError({ kind: "forbidden", operation: "findByAddress" });
    expect(guidanceFor(failureOf({ type: "lookup" }, read)).message).toBe(
      strings.errors.forbiddenToRead(EXCHANGE_WRITE_ROLES),
    );
  });
});
