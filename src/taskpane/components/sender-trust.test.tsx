/** @jest-environment jsdom */
/**
 * The sender check on the card and the guarded Add: what a person sees for each verdict,
 * and that a risky sender never gets the one-click Add.
 */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SenderTrust, TrustRisk } from "../../contacts/trust/sender-trust";
import type { TrustView } from "../state/sender-trust-tracker";
import { strings } from "../strings";
import { TRUST_SENTENCES } from "../locales/trust-sentences";
import { expectNoAxeViolations } from "../test-support/pane-testing";
import { GuardedAddButton } from "./GuardedAddButton";
import { TrustLine } from "./TrustLine";

const DETAILS = {
  spf: "fail",
  dkim: "none",
  dmarc: "fail",
  compauth: "fail",
  compauthReason: "000",
  headerFrom: "fabrikam.com",
  mailFrom: "bulk-mailer.example",
  dkimDomain: null,
  stampedBy: null,
};

function ready(
  trust: Partial<SenderTrust>,
  risks: TrustRisk[],
  decision: "one-click" | "confirm" | "blocked",
): TrustView {
  return {
    kind: "ready",
    generation: 1,
    key: "isabel@fabrikam.com",
    trust: {
      authentication: {
        status: "verified",
        reason: "compauth-pass",
        details: { ...DETAILS, spf: "pass", dmarc: "pass", compauth: "pass", compauthReason: "100" },
      },
      lookAlike: null,
      impersonation: null,
      ...trust,
    },
    risks,
    decision,
  };
}

const FAILED = ready(
  { authentication: { status: "failed", reason: "compauth-fail", details: DETAILS } },
  [{ kind: "authentication-failed" }],
  "confirm",
);
const LOOK_ALIKE_RISK: TrustRisk = {
  kind: "look-alike",
  lookAlike: { kind: "confusable", known: { domain: "contoso.com", source: "organization" } },
};

describe("TrustLine", () => {
  test("a failed sender: the verdict, its reason, and the raw verdicts behind Details", async () => {
    const { container } = render(<TrustLine view={FAILED} domain="fabrikam.com" />);
    expect(screen.getByText(strings.trust.status.failed)).toBeTruthy();
    expect(screen.getByText(TRUST_SENTENCES.en.reason["compauth-fail"]("fabrikam.com"))).toBeTruthy();
    expect(screen.queryByText("bulk-mailer.example")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: strings.trust.details }));
    expect(screen.getByText("bulk-mailer.example")).toBeTruthy();
    expect(screen.getByText(strings.trust.compauth("fail", "000"))).toBeTruthy();
    expect(screen.getByText(strings.trust.stampedByEop)).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  test("a verified look-alike says both", () => {
    render(<TrustLine view={ready({}, [LOOK_ALIKE_RISK], "confirm")} domain="c0ntoso.com" />);
    expect(screen.getByText(strings.trust.status.verified)).toBeTruthy();
    expect(
      screen.getByText(TRUST_SENTENCES.en.risk.lookAlike("c0ntoso.com", "contoso.com", "organization")),
    ).toBeTruthy();
  });

  test("an internationalized known domain is named in Unicode", () => {
    const risk: TrustRisk = {
      kind: "look-alike",
      lookAlike: { kind: "typo", known: { domain: "xn--mller-maschinenbau-m6b.de", source: "contact" } },
    };
    render(<TrustLine view={ready({}, [risk], "confirm")} domain="muller-maschinenbau.de" />);
    expect(
      screen.getByText(
        TRUST_SENTENCES.en.risk.lookAlike("muller-maschinenbau.de", "müller-maschinenbau.de", "contact"),
      ),
    ).toBeTruthy();
  });

  test("not checked says why and offers no details", () => {
    render(
      <TrustLine
        view={ready(
          { authentication: { status: "not-checked", reason: "headers-empty", details: null } },
          [],
          "one-click",
        )}
        domain="x.com"
      />,
    );
    expect(screen.getByText(strings.trust.status["not-checked"])).toBeTruthy();
    expect(screen.getByText(TRUST_SENTENCES.en.reason["headers-empty"]())).toBeTruthy();
    expect(screen.queryByRole("button", { name: strings.trust.details })).toBeNull();
  });

  test("nothing while checking (the pane shows the line once the check answers), nor with no external sender", () => {
    const { rerender } = render(
      <TrustLine view={{ kind: "checking", generation: 1, key: "k" }} domain="x.com" />,
    );
    expect(screen.queryByRole("group", { name: strings.trust.regionLabel })).toBeNull();
    rerender(<TrustLine view={{ kind: "unavailable", generation: 1, key: "k" }} domain="x.com" />);
    expect(screen.getByText(strings.trust.unavailable)).toBeTruthy();
    rerender(<TrustLine view={{ kind: "none" }} domain="x.com" />);
    expect(screen.queryByRole("group", { name: strings.trust.regionLabel })).toBeNull();
  });
});

describe("GuardedAddButton", () => {
  test("nothing wrong: the one-click Add", async () => {
    const onAdd = jest.fn();
    render(
      <GuardedAddButton
        trust={ready({}, [], "one-click")}
        domain="fabrikam.com"
        disabled={false}
        onAdd={onAdd}
      />,
    );
    await userEvent.click(screen.getByRole("button", { name: strings.promote.add }));
    expect(onAdd).toHaveBeenCalledWith(false);
  });

  test("while the check runs Add looks as usual (the controller waits for the check); not when it could not load", () => {
    const { rerender } = render(
      <GuardedAddButton
        trust={{ kind: "checking", generation: 1, key: "k" }}
        domain="x.com"
        disabled={false}
        onAdd={jest.fn()}
      />,
    );
    expect((screen.getByRole("button", { name: strings.promote.add }) as HTMLButtonElement).disabled).toBe(
      false,
    );
    rerender(
      <GuardedAddButton
        trust={{ kind: "unavailable", generation: 1, key: "k" }}
        domain="x.com"
        disabled={false}
        onAdd={jest.fn()}
      />,
    );
    expect((screen.getByRole("button", { name: strings.promote.add }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  test("a failed sender: no one-click Add; Add anyway… asks first, naming the risk, and Cancel adds nothing", async () => {
    const onAdd = jest.fn();
    const { container } = render(
      <GuardedAddButton trust={FAILED} domain="fabrikam.com" disabled={false} onAdd={onAdd} />,
    );
    expect(screen.queryByRole("button", { name: strings.promote.add })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: strings.trust.addAnyway }));
    expect(onAdd).not.toHaveBeenCalled();
    const dialog = screen.getByRole("alertdialog", { name: strings.trust.confirmTitle });
    expect(dialog.textContent).toContain(TRUST_SENTENCES.en.risk.authenticationFailed("fabrikam.com"));
    expect(document.activeElement).toBe(dialog);
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole("button", { name: strings.trust.cancel }));
    expect(onAdd).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: strings.trust.addAnyway }));
    await userEvent.click(screen.getByRole("button", { name: strings.trust.confirmAdd }));
    expect(onAdd).toHaveBeenCalledWith(true);
  });

  test("blocked by policy: no Add at all, the reason instead", () => {
    render(
      <GuardedAddButton
        trust={{ ...FAILED, decision: "blocked" } as TrustView}
        domain="fabrikam.com"
        disabled={false}
        onAdd={jest.fn()}
      />,
    );
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByText(strings.trust.blocked)).toBeTruthy();
  });
});
