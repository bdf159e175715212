import {
  addDecision,
  assessSenderTrust,
  companyIsBorrowed,
  trustRisks,
  type SenderTrustInput,
} from "./sender-trust";
import { eopResults, inbound } from "./__fixtures__/internet-headers";

const base: SenderTrustInput = {
  displayName: "Isabel Ferreira",
  address: "isabel.ferreira@fabrikam.com",
  domain: "fabrikam.com",
  headers: inbound({ eop: eopResults("fabrikam.com") }),
  organizationDomains: ["contoso.com"],
  contactDomains: ["northwindtraders.com"],
  userDisplayName: "Megan Bowen",
  colleagueNames: ["Alex Wilber"],
};

const noSkeleton = () => Promise.reject(new Error("the skeleton table must not load for ASCII domains"));

describe("assessSenderTrust and what it means for Add", () => {
  test("a verified sender with nothing suspicious keeps the one-click Add, under either policy", async () => {
    const trust = await assessSenderTrust(base, noSkeleton);
    expect(trust.authentication.status).toBe("verified");
    expect(trustRisks(trust)).toEqual([]);
    expect(addDecision(trust, "warn")).toBe("one-click");
    expect(addDecision(trust, "block")).toBe("one-click");
  });

  test("not checked (no headers) is not a risk by itself: the pane says so and keeps one click", async () => {
    const trust = await assessSenderTrust({ ...base, headers: "" }, noSkeleton);
    expect(trust.authentication.status).toBe("not-checked");
    expect(addDecision(trust, "block")).toBe("one-click");
  });

  test("failed authentication: confirm under warn, blocked under block", async () => {
    const headers = inbound({ eop: eopResults("fabrikam.com", { dmarc: "fail", compauth: "fail" }) });
    const trust = await assessSenderTrust({ ...base, headers }, noSkeleton);
    expect(trustRisks(trust)).toEqual([{ kind: "authentication-failed" }]);
    expect(addDecision(trust, "warn")).toBe("confirm");
    expect(addDecision(trust, "block")).toBe("blocked");
  });

  test("a verified look-alike of the organization's domain still needs confirmation, and its company is not borrowed", async () => {
    const headers = inbound({ eop: eopResults("c0ntoso.com"), domain: "c0ntoso.com" });
    const trust = await assessSenderTrust(
      { ...base, address: "alex@c0ntoso.com", domain: "c0ntoso.com", headers },
      noSkeleton,
    );
    expect(trust.authentication.status).toBe("verified");
    expect(trust.lookAlike).toEqual({
      kind: "confusable",
      known: { domain: "contoso.com", source: "organization" },
    });
    expect(addDecision(trust, "block")).toBe("confirm");
    expect(companyIsBorrowed(trust)).toBe(true);
  });

  test("a look-alike of a contact's domain the pane has seen", async () => {
    const trust = await assessSenderTrust(
      { ...base, address: "d@northwind-traders.com", domain: "northwind-traders.com", headers: "" },
      noSkeleton,
    );
    expect(trust.lookAlike?.known).toEqual({ domain: "northwindtraders.com", source: "contact" });
  });

  test("a display name copying the user's is named as a risk", async () => {
    const trust = await assessSenderTrust({ ...base, displayName: "Megan Bowen" }, noSkeleton);
    expect(trustRisks(trust)).toEqual([
      { kind: "impersonation", impersonation: { kind: "user-name", name: "Megan Bowen" } },
    ]);
    expect(addDecision(trust, "warn")).toBe("confirm");
  });

  test("the skeleton table loads when an internationalized domain is involved", async () => {
    const loadSkeleton = jest.fn(async () => (text: string) => text.replace(/\u0441/g, "c"));
    const trust = await assessSenderTrust(
      { ...base, address: "a@xn--ontoso-hrf.com", domain: "xn--ontoso-hrf.com", headers: "" },
      loadSkeleton,
    );
    expect(loadSkeleton).toHaveBeenCalledTimes(1);
    expect(trust.lookAlike?.kind).toBe("confusable");
  });

  test("brands can be left out", async () => {
    const input = { ...base, address: "x@paypa1.com", domain: "paypa1.com", headers: "" };
    expect((await assessSenderTrust(input, noSkeleton)).lookAlike?.known.source).toBe("brand");
    expect((await assessSenderTrust({ ...input, brands: false }, noSkeleton)).lookAlike).toBeNull();
  });
});
