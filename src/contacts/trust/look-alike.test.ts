import { toASCII } from "punycode/";
import { findLookAlike, type KnownDomain, type LookAlikeKind } from "./look-alike";
import { loadConfusableSkeleton } from "./confusable-skeleton";

const org = (domain: string): KnownDomain => ({ domain: toASCII(domain), source: "organization" });
const contact = (domain: string): KnownDomain => ({ domain: toASCII(domain), source: "contact" });
const brand = (domain: string): KnownDomain => ({ domain, source: "brand" });

interface Pair {
  sender: string;
  known: KnownDomain;
  kind: LookAlikeKind | null;
}

/** Look-alikes: each must be caught, with the right kind. */
const LOOK_ALIKES: Pair[] = [
  { sender: "c0ntoso.com", known: org("contoso.com"), kind: "confusable" },
  { sender: "cont0s0.com", known: org("contoso.com"), kind: "confusable" },
  { sender: "1itwareinc.com", known: contact("litwareinc.com"), kind: "confusable" },
  { sender: "rnicrosoft.com", known: brand("microsoft.com"), kind: "confusable" },
  { sender: "fabrikarn.com", known: contact("fabrikam.com"), kind: "confusable" },
  { sender: "сontoso.com", known: org("contoso.com"), kind: "confusable" }, // Cyrillic с
  { sender: "соntoso.com", known: org("contoso.com"), kind: "confusable" }, // Cyrillic с and о
  { sender: "раураl.com", known: brand("paypal.com"), kind: "confusable" }, // whole-script Cyrillic
  { sender: "fabrіkam.com", known: contact("fabrikam.com"), kind: "confusable" }, // Ukrainian і
  { sender: "contosso.com", known: org("contoso.com"), kind: "typo" },
  { sender: "contso.com", known: org("contoso.com"), kind: "typo" },
  { sender: "cotnoso.com", known: org("contoso.com"), kind: "typo" },
  { sender: "contoso.net", known: org("contoso.com"), kind: "other-suffix" },
  { sender: "contoso.co", known: org("contoso.com"), kind: "other-suffix" },
  { sender: "contoso.com.au", known: org("contoso.com"), kind: "other-suffix" },
  { sender: "tailspintoys.com", known: contact("tailspintoys.com.au"), kind: "other-suffix" },
  { sender: "northwind-traders.com", known: contact("northwindtraders.com"), kind: "hyphen" },
  { sender: "adventureworks.com", known: contact("adventure-works.com"), kind: "hyphen" },
  { sender: "contoso.com.attacker.io", known: org("contoso.com"), kind: "embedded" },
  { sender: "mail.contoso.com.secure-login.net", known: org("contoso.com"), kind: "embedded" },
  { sender: "contoso-com.attacker.io", known: org("contoso.com"), kind: "embedded" },
  { sender: "paypal.com.account-check.info", known: brand("paypal.com"), kind: "embedded" },
  { sender: "northwindtraders.invoices.example", known: contact("northwindtraders.com"), kind: "embedded" },
  { sender: "northwindtraderz.com", known: contact("northwindtraders.com"), kind: "typo" },
  { sender: "wideworldimporter.com", known: contact("wideworldimporters.com"), kind: "typo" },
  { sender: "muller-maschinenbau.de", known: contact("müller-maschinenbau.de"), kind: "typo" },
  { sender: "contoso.onmicrosoft.com.evil.io", known: org("contoso.onmicrosoft.com"), kind: "embedded" },
  { sender: "c0ntoso.onmicrosoft.com", known: org("contoso.onmicrosoft.com"), kind: "confusable" },
];

/** Innocent pairs: none may be flagged. */
const INNOCENT: Pair[] = [
  { sender: "contoso.com", known: org("contoso.com"), kind: null },
  { sender: "mail.contoso.com", known: org("contoso.com"), kind: null },
  { sender: "eu.mail.contoso.com", known: org("contoso.com"), kind: null },
  { sender: "contoso.com", known: contact("sales.contoso.com"), kind: null },
  { sender: "contoso.co.uk", known: org("mail.contoso.co.uk"), kind: null },
  { sender: "fabrikam.com", known: org("contoso.com"), kind: null },
  { sender: "ibm.com", known: contact("ibn.com"), kind: null },
  { sender: "hp.com", known: contact("hm.com"), kind: null },
  { sender: "ups.com", known: contact("ubs.com"), kind: null },
  { sender: "bmw.de", known: contact("bwm.de"), kind: null },
  { sender: "sap.com", known: contact("sap.de"), kind: null },
  { sender: "visa.com", known: contact("vise.com"), kind: null },
  { sender: "northwindtraders.com", known: contact("northwind.com"), kind: null },
  { sender: "litware.com", known: contact("litwareinc.com"), kind: null },
  { sender: "proseware.com", known: contact("fabrikam.com"), kind: null },
  { sender: "outlook.de", known: brand("outlook.com"), kind: null },
  { sender: "hotmail.fr", known: contact("outlook.com"), kind: null },
  { sender: "gmail.com", known: contact("googlemail.com"), kind: null },
  { sender: "microsoft.de", known: brand("microsoft.com"), kind: null },
  { sender: "amazon.co.uk", known: brand("amazon.com"), kind: null },
  { sender: "münchen.de", known: contact("munich.de"), kind: null },
  { sender: "bücher.de", known: contact("books.de"), kind: null },
  { sender: "例え.jp", known: org("contoso.com"), kind: null },
  { sender: "中国银行.cn", known: contact("bankofchina.com"), kind: null },
  { sender: "яндекс.рф", known: contact("contoso.com"), kind: null },
  { sender: "acme.github.io", known: contact("acme-corp.github.io"), kind: null },
  { sender: "apple.com", known: contact("pineapple.com"), kind: null },
  { sender: "docs.microsoft.com", known: brand("microsoft.com"), kind: null },
  { sender: "fabrikam.onmicrosoft.com", known: org("contoso.onmicrosoft.com"), kind: null },
  { sender: "contoso.sharepoint.com", known: contact("fabrikam.sharepoint.com"), kind: null },
  { sender: "relecloud.com", known: contact("tailspintoys.com"), kind: null },
  { sender: "alpineskihouse.com", known: contact("alpinehouse.com"), kind: null },
];

describe("findLookAlike", () => {
  test("the tables have at least 40 pairs, look-alike and innocent", () => {
    expect(LOOK_ALIKES.length + INNOCENT.length).toBeGreaterThanOrEqual(40);
    expect(INNOCENT.length).toBeGreaterThanOrEqual(20);
  });

  test.each(LOOK_ALIKES)("$sender imitates $known.domain ($kind)", async ({ sender, known, kind }) => {
    const skeleton = await loadConfusableSkeleton();
    expect(findLookAlike(toASCII(sender), [known], skeleton)).toEqual({ kind, known });
  });

  test.each(INNOCENT)("$sender is not a look-alike of $known.domain", async ({ sender, known }) => {
    const skeleton = await loadConfusableSkeleton();
    expect(findLookAlike(toASCII(sender), [known], skeleton)).toBeNull();
  });

  test("precision and recall over the tables", async () => {
    const skeleton = await loadConfusableSkeleton();
    const flagged = (pair: Pair) => findLookAlike(toASCII(pair.sender), [pair.known], skeleton) !== null;
    const truePositives = LOOK_ALIKES.filter(flagged).length;
    const falsePositives = INNOCENT.filter(flagged).length;
    // Precision 1.0 on these tables: no false alarm on the innocent half; every look-alike caught.
    expect(falsePositives).toBe(0);
    expect(truePositives).toBe(LOOK_ALIKES.length);
  });

  test("without the skeleton table, ASCII look-alikes are still caught, and a Cyrillic one as a typo", () => {
    expect(findLookAlike("c0ntoso.com", [org("contoso.com")])?.kind).toBe("confusable");
    expect(findLookAlike("rnicrosoft.com", [brand("microsoft.com")])?.kind).toBe("confusable");
    expect(findLookAlike(toASCII("сontoso.com"), [org("contoso.com")])?.kind).toBe("typo");
  });

  test("the first known domain in the order given wins (the organization's before a contact's)", () => {
    const known = [org("contoso.com"), contact("contoso.net")];
    expect(findLookAlike("contoso.org", known)?.known).toEqual(org("contoso.com"));
  });

  test("brands are not flagged for their own country domains, but are for typos", () => {
    expect(findLookAlike("paypal.de", [brand("paypal.com")])).toBeNull();
    expect(findLookAlike("paypa1.com", [brand("paypal.com")])?.kind).toBe("confusable");
  });

  test("unusable input is not a look-alike", () => {
    expect(findLookAlike("", [org("contoso.com")])).toBeNull();
    expect(findLookAlike("192.0.2.1", [org("contoso.com")])).toBeNull();
    expect(findLookAlike("localhost", [org("contoso.com")])).toBeNull();
  });
});
