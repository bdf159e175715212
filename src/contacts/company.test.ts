import { companyFromDomain, isFreeMailDomain, registrableDomain } from "./company";

describe("companyFromDomain", () => {
  test.each([
    // registrable domain via the Public Suffix List
    ["contoso.com", "Contoso"],
    ["CONTOSO.COM", "Contoso"],
    ["mail.contoso.co.uk", "Contoso"],
    ["a.b.c.contoso.com.au", "Contoso"],
    ["contoso.co.jp", "Contoso"],
    ["contoso.com.br", "Contoso"],
    // words and acronyms
    ["contoso-group.com", "Contoso Group"],
    ["deutsche-bank.de", "Deutsche Bank"],
    ["ibm.com", "IBM"],
    ["3m.com", "3M"],
    ["bt.com", "BT"],
    // private suffixes: the label under the hosting suffix names the owner
    ["acme.github.io", "Acme"],
    ["shop.myshopify.com", "Shop"],
    ["contoso.azurewebsites.net", "Contoso"],
    // Microsoft tenant domains name the tenant
    ["contoso.onmicrosoft.com", "Contoso"],
    ["contoso.mail.onmicrosoft.com", "Contoso"],
    // internationalized
    ["münchen.de", "München"],
    ["xn--mnchen-3ya.de", "München"],
    ["例え.jp", "例え"],
    // common.json entries that are organizations, not free-mail
    ["berlin.de", "Berlin"],
    ["senfin.berlin.de", "Berlin"],
  ])("%s → %s", (domain, company) => {
    expect(companyFromDomain(domain)).toBe(company);
  });

  test.each([
    // unusable
    [""],
    ["localhost"],
    ["192.168.0.1"],
    ["co.uk"],
    ["github.io"],
    ["com"],
    ["xn--zz.de"],
    // free-mail
    ["gmail.com"],
    ["googlemail.com"],
    ["outlook.com"],
    ["hotmail.com"],
    ["yahoo.com"],
    ["gmx.net"],
    ["web.de"],
    ["yandex.ru"],
    ["qq.com"],
    ["icloud.com"],
    ["proton.me"],
  ])("%s → null", (domain) => {
    expect(companyFromDomain(domain)).toBeNull();
  });
});

describe("isFreeMailDomain", () => {
  test.each([
    // from common.json
    ["gmail.com"],
    ["web.de"],
    ["t-online.de"],
    ["orange.fr"],
    ["libero.it"],
    ["seznam.cz"],
    ["163.com"],
    ["naver.com"],
    ["yahoo.co.jp"],
    ["btinternet.com"],
    // country variants by brand
    ["yahoo.co.uk"],
    ["yahoo.com.br"],
    ["hotmail.co.uk"],
    ["hotmail.fr"],
    ["outlook.de"],
    ["outlook.com.br"],
    ["live.com.au"],
    ["gmx.ch"],
    ["gmx.at"],
    ["yandex.kz"],
    ["aol.co.uk"],
    // subdomains count as their parent
    ["mail.yahoo.co.uk"],
    ["eu.gmx.net"],
    // current providers missing from common.json
    ["pm.me"],
    ["duck.com"],
    ["posteo.de"],
    ["fastmail.com"],
    // Unicode / case
    ["GMAIL.COM"],
  ])("%s is free-mail", (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  test.each([
    ["contoso.com"],
    ["bt.com"],
    ["berlin.de"],
    ["nus.edu.sg"],
    ["gmailcontoso.com"],
    ["notgmail.com"],
    ["gmail.contoso.com"],
    ["yahoo.github.io"],
    [""],
  ])("%s is not free-mail", (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });
});

describe("registrableDomain", () => {
  test.each([
    ["mail.contoso.co.uk", { domain: "contoso.co.uk", label: "contoso", suffix: "co.uk" }],
    ["contoso.com.attacker.io", { domain: "attacker.io", label: "attacker", suffix: "io" }],
    ["acme.github.io", { domain: "acme.github.io", label: "acme", suffix: "github.io" }],
    [
      "eu.contoso.onmicrosoft.com",
      { domain: "contoso.onmicrosoft.com", label: "contoso", suffix: "onmicrosoft.com" },
    ],
    ["MÜNCHEN.de", { domain: "xn--mnchen-3ya.de", label: "xn--mnchen-3ya", suffix: "de" }],
  ])("%s → %j", (domain, expected) => {
    expect(registrableDomain(domain)).toEqual(expected);
  });

  test.each(["co.uk", "localhost", "192.0.2.1", ""])("%j has none", (domain) => {
    expect(registrableDomain(domain)).toBeNull();
  });
});
