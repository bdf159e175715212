/**
 * The pane words the domain's facts: the sentences that src/contacts/ used to write itself
 * (sender reasons and warnings, draft notes, field problems) now come from the catalogue.
 */
import { analyzeSender } from "../contacts/sender";
import { prefillDraft, DEFAULT_ORGANIZATION_CONFIG, validateDraft } from "../contacts/draft";
import type { ContactDraft } from "../contacts/types";
import "./locales/draft-notes";
import { draftNote, fieldProblem, senderReason, senderWarning } from "./strings";

const analyze = (displayName: string, emailAddress: string, internalDomains: string[] = []) =>
  analyzeSender(
    { from: { displayName, emailAddress }, sender: null, userAddress: "me@fabrikam.com" },
    { internalDomains },
  );

test.each([
  [
    "jane@contoso.com",
    [],
    "jane@contoso.com is outside your organization and can be added to the address list.",
  ],
  [
    "it@mail.fabrikam.com",
    [],
    "mail.fabrikam.com is part of your organization's domain fabrikam.com: colleagues are already in the address list.",
  ],
  [
    "a@fabrikam.de",
    ["fabrikam.de"],
    "fabrikam.de is one of your organization's domains: colleagues are already in the address list.",
  ],
  ["noreply@github.com", [], "noreply@github.com is a no-reply address: nobody reads mail sent to it."],
  [
    "john..doe@contoso.com",
    [],
    "The sender address cannot be used. The part before the @ has two dots in a row.",
  ],
  [
    "admin@localhost",
    [],
    'The sender address cannot be used. The domain "localhost" has no dot (a full domain looks like contoso.com).',
  ],
])("the reason for %s", (address, internal, sentence) => {
  expect(senderReason(analyze("Someone", address, internal).reason)).toBe(sentence);
});

test("warnings name what was found, the scripts as a list", () => {
  const analysis = analyze("PayPal", "service@pаypal.com");
  expect(analysis.warnings.map(senderWarning)).toEqual([
    'The domain pаypal.com mixes Latin and Cyrillic letters in "pаypal" (xn--pypal-4ve.com): it may be imitating a familiar domain.',
  ]);
  expect(
    senderWarning({ code: "name-shows-other-address", shown: "ceo@fabrikam.com", actual: "x@gmail.com" }),
  ).toBe("The display name shows the address ceo@fabrikam.com, but the message came from x@gmail.com.");
});

test("draft notes say how the prefill got its values", () => {
  const draft = prefillDraft(analyze("Doe, John", "john.doe@contoso.com"), DEFAULT_ORGANIZATION_CONFIG);
  expect(draft.notes.map(draftNote)).toEqual([
    '"Doe, John" was read as last name first: first name John, last name Doe.',
    'Company "Contoso" was guessed from the domain contoso.com.',
  ]);
  expect(draftNote({ code: "shortened", field: "displayName", limit: 256 })).toBe(
    "Display name was shortened to Exchange's limit of 256 characters.",
  );
});

test("field problems name the field and the limit", () => {
  const draft: ContactDraft = {
    address: "jane..doe@contoso.com",
    displayName: " ",
    firstName: "",
    lastName: "",
    company: "c".repeat(71),
    mailTip: "",
    hiddenFromAddressLists: false,
    name: "Jane",
    notes: [],
  };
  expect(validateDraft(draft).map(fieldProblem)).toEqual([
    "Email address is not valid: The part before the @ has two dots in a row.",
    "Display name is required.",
    "Company can be at most 64 characters (this one has 71).",
  ]);
});
