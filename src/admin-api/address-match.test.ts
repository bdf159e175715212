import { addressesOf, findExactAddressMatch, recordHasAddress } from "./address-match";
import { contactRecord } from "./test-support/scripted-fetch";
import { ContactRecordSchema } from "./wire";

const record = (address: string, overrides: Record<string, unknown> = {}) =>
  ContactRecordSchema.parse(contactRecord(address, overrides));

describe("proxy entries", () => {
  it("strips an smtp: prefix of either case and ignores other proxy types", () => {
    const proxied = record("other@x.com", {
      ContactEmailAddresses: "X500:/o=Org/cn=ann; SIP:sip@fabrikam.com; smtp:Ann@Fabrikam.COM",
    });
    expect(recordHasAddress(proxied, " SMTP:ann@fabrikam.com ")).toBe(true);
    expect(recordHasAddress(proxied, "sip@fabrikam.com")).toBe(false);
    expect(recordHasAddress(proxied, "X500:/o=Org/cn=ann")).toBe(false);
  });
  it("matches a Unicode domain to its punycode form (the product's one address rule)", () => {
    expect(findExactAddressMatch([record("ann@xn--mnchen-3ya.de")], "Ann@münchen.de")).not.toBeNull();
  });
});

describe("exact matching", () => {
  it("ignores look-alikes that merely start with the address", () => {
    const records = [
      record("john@contoso.com.evil.io"),
      record("john@contoso.comx"),
      record("john@contoso.co"),
    ];
    expect(findExactAddressMatch(records, "john@contoso.com")).toBeNull();
  });
  it("prefers the external-address match over a proxy-only match", () => {
    const proxy = record("other@x.com", {
      ContactId: "proxy",
      ContactEmailAddresses: "SMTP:other@x.com;smtp:ann@x.com",
    });
    const external = record("ANN@x.com", { ContactId: "external" });
    expect(findExactAddressMatch([proxy, external], "ann@x.com")?.ContactId).toBe("external");
    expect(findExactAddressMatch([proxy], "ann@x.com")?.ContactId).toBe("proxy");
  });
  it("reads ContactSmtp and tolerates odd ContactEmailAddresses shapes", () => {
    expect(recordHasAddress(record("a@x.com", { ContactSmtp: "SMTP:b@x.com" }), "B@x.com")).toBe(true);
    expect(addressesOf(record("a@x.com", { ContactEmailAddresses: { weird: true } }))).toEqual(["a@x.com"]);
    expect(
      addressesOf(record("a@x.com", { ContactEmailAddresses: ["SMTP:a@x.com", 7, "smtp:c@x.com"] })),
    ).toEqual(["a@x.com", "c@x.com"]);
  });
});
