/**
 * Every language says everything English says: the same keys, each a sentence where English
 * has one and a function where English interpolates. A block added to strings.ts fails here,
 * by name, until each language has it.
 */
import { english, selectCatalogue, type Catalogue } from "../strings";
import { german } from "./de";
import { DRAFT_SENTENCES } from "./draft-notes";
import { PROPOSAL_SENTENCES } from "./proposal-sentences";
import { TRUST_SENTENCES } from "./trust-sentences";
import { PEOPLE_SENTENCES, peopleSentences } from "./people-sentences";
import { PROGRESS_SENTENCES } from "./progress-sentences";
import { OUTSIDE_SENTENCES } from "./outside-sentences";
import { PAGE_STRINGS } from "../page-strings";
import { paneLanguage } from "./language";
import { hasPlainLatin, pseudoCatalogue } from "./pseudo";
import { differences } from "../test-support/catalogue-differences";

test.each<[string, Catalogue]>([
  ["German", german],
  ["the accented pseudo-locale", pseudoCatalogue("ltr")],
  ["the right-to-left pseudo-locale", pseudoCatalogue("rtl")],
])("%s has every key of the English catalogue, and no other", (_language, catalogue) => {
  // `adapt` is a pseudo-locale's own (it rewrites sections' English).
  const { adapt: _adapt, ...entries } = catalogue;
  expect(differences(english, entries)).toEqual([]);
});

test.each<[string, { en: unknown; de: unknown }]>([
  ["the draft's notes and field problems (loaded with the draft)", DRAFT_SENTENCES],
  ["the sender check's reasons and risks (loaded with the check)", TRUST_SENTENCES],
  ["the people list, selection and suggestions (loaded with the people chunk)", PEOPLE_SENTENCES],
  ["the steps of adding a contact (loaded with the after-click views)", PROGRESS_SENTENCES],
  ["proposals, the message's words too (loaded with the proposals chunk)", PROPOSAL_SENTENCES],
  ["the page outside Outlook (loaded with the outside chunk)", OUTSIDE_SENTENCES],
  ["the pages around the pane (sign-in pages, the unsupported-host note)", PAGE_STRINGS],
])("the section of %s has German for every English entry", (_section, versions) => {
  expect(differences(versions.en, versions.de)).toEqual([]);
});

test("a section is worded in the pane's language: German's own, or the pseudo-locale's rewrite of English", () => {
  try {
    selectCatalogue(pseudoCatalogue("ltr"));
    expect(hasPlainLatin(peopleSentences().people.empty)).toBe(false);
    const skipped = peopleSentences().multiPeople.skipped(3);
    expect(skipped).toContain("3");
    expect(hasPlainLatin(skipped)).toBe(false);
    selectCatalogue(german);
    expect(peopleSentences().multiPeople.skipped(1)).toBe(PEOPLE_SENTENCES.de.multiPeople.skipped(1));
  } finally {
    selectCatalogue(english);
  }
});

test("the check names what a language is missing", () => {
  const { verdict, ...withoutVerdict } = german;
  const { exists: _exists, ...verdictWithoutExists } = verdict;
  expect(differences(english, { ...withoutVerdict, verdict: verdictWithoutExists })).toEqual([
    "missing: verdict.exists",
  ]);
});

test.each([
  ["de", "de"],
  ["de-DE", "de"],
  ["de-AT", "de"],
  ["de_CH", "de"],
  ["DE-de", "de"],
  ["en-US", "en"],
  ["fr-FR", "en"],
  ["", "en"],
  ["dev", "en"],
  ["qps-ploc", "qps-ploc"],
  ["qps-plocm", "qps-plocm"],
])("display language %j speaks %s", (displayLanguage, language) => {
  expect(paneLanguage(displayLanguage)).toBe(language);
});

test("German words plurals and lists by the platform's rules", () => {
  expect(PROGRESS_SENTENCES.de.partialFields(["Firma"])).toBe(
    "Der Kontakt ist angelegt, aber Firma ist noch nicht festgelegt.",
  );
  expect(PROGRESS_SENTENCES.de.partialFields(["Firma", "E-Mail-Info"])).toBe(
    "Der Kontakt ist angelegt, aber Firma und E-Mail-Info sind noch nicht festgelegt.",
  );
  expect(german.errors.forbidden(["A", "B", "C"])).toMatch(/: A, B oder C\.$/);
  expect(PROGRESS_SENTENCES.en.partialFields(["company", "mail tip"])).toBe(
    "The contact exists, but its company and mail tip are not set yet.",
  );
});

test("the pseudo-locale accents the catalogue's words and keeps the values it is given", () => {
  const pseudo = pseudoCatalogue("ltr");
  expect(hasPlainLatin(pseudo.verdict.exists)).toBe(false);
  const sentence = pseudo.sender.onBehalfOf("Jane Doe", "assistant@contoso.com");
  expect(sentence).toContain("Jane Doe");
  expect(sentence).toContain("assistant@contoso.com");
  expect(hasPlainLatin(sentence.replace("Jane Doe", "").replace("assistant@contoso.com", ""))).toBe(false);
  expect(pseudo.language).toBe("en-XA");
  expect(pseudoCatalogue("rtl")).toMatchObject({ direction: "rtl", language: "ar-XB" });
  expect(hasPlainLatin(pseudoCatalogue("rtl").verdict.missing)).toBe(false);
});
