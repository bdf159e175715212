import { addressesInDisplayName, cleanDisplayName } from "./names";
import { parsePersonName, personFromLocalPart, roleMailboxLabel, softenCapitalizedWord } from "./person-name";

describe("cleanDisplayName", () => {
  test.each([
    ['"Jane Doe"', "Jane Doe", false, false],
    ["'Jane Doe'", "Jane Doe", false, false],
    ["“Jane Doe”", "Jane Doe", false, false],
    ["«Jean Dupont»", "Jean Dupont", false, false],
    ['"\\"Jane\\" Doe"', '"Jane" Doe', false, false],
    ['"Jane Doe', "Jane Doe", false, false],
    ["  Jane \n Doe ", "Jane Doe", false, false],
    ["Jane\u202E Doe", "Jane Doe", true, false],
    ["\u200BJane Doe\uFEFF", "Jane Doe", true, false],
    ["<b>Jane</b> Doe", "Jane Doe", false, true],
    ["<img src=x onerror=alert(1)>Jane", "Jane", false, true],
    ["Jane<script>document.cookie</script>", "Jane", false, true],
    ["AT&amp;T Support", "AT&T Support", false, false],
    ["Jane Doe <jane@contoso.com>", "Jane Doe <jane@contoso.com>", false, false],
    ["ju\u0308rgen", "jürgen", false, false],
  ])("%s → %s", (raw, text, removedInvisible, removedMarkup) => {
    expect(cleanDisplayName(raw)).toMatchObject({ text, removedInvisible, removedMarkup });
  });

  test("is idempotent", () => {
    const once = cleanDisplayName('"<b>Doe</b>, John\u202E"').text;
    expect(cleanDisplayName(once).text).toBe(once);
  });
});

describe("parsePersonName", () => {
  test.each([
    // display name, local part, display, first, last, convention
    ["Jane Doe", "jane", "Jane Doe", "Jane", "Doe", "as-written"],
    ["Cher", "c.sarkisian", "Cher", "Cher", "", "as-written"],
    ["Jane Alexandra Doe", "jd", "Jane Alexandra Doe", "Jane Alexandra", "Doe", "as-written"],
    ["danah boyd", "danah", "danah boyd", "danah", "boyd", "as-written"],
    ["Doe, John", "jd", "John Doe", "John", "Doe", "last-name-comma-first"],
    ["DOE, JOHN", "jd", "John Doe", "John", "Doe", "last-name-comma-first"],
    ["Doe, John, PhD", "jd", "John Doe, PhD", "John", "Doe", "last-name-comma-first"],
    ["John Doe, Jr.", "jd", "John Doe, Jr.", "John", "Doe", "as-written"],
    ["van der Berg, Jan", "jd", "Jan van der Berg", "Jan", "van der Berg", "last-name-comma-first"],
    ["Doe, John (Contoso Sales)", "jd", "John Doe (Contoso Sales)", "John", "Doe", "last-name-comma-first"],
    ["Smith, Jones & Partners", "x", "Smith, Jones & Partners", "", "", "as-written"],
    ["JOHN O'BRIEN", "x", "John O'Brien", "John", "O'Brien", "as-written"],
    ["JEAN-LUC PICARD", "x", "Jean-Luc Picard", "Jean-Luc", "Picard", "as-written"],
    ["MARY MCDONALD", "x", "Mary McDonald", "Mary", "McDonald", "as-written"],
    ["ROBERT MACKENZIE", "x", "Robert Mackenzie", "Robert", "Mackenzie", "as-written"],
    ["MARIA DE LA CRUZ", "x", "Maria de la Cruz", "Maria", "de la Cruz", "as-written"],
    ["JOHN SMITH III", "x", "John Smith III", "John", "Smith", "as-written"],
    ["DUPONT Jean", "x", "Jean Dupont", "Jean", "Dupont", "capitalized-surname-first"],
    [
      "MÜLLER-LÜDENSCHEIDT Hans",
      "x",
      "Hans Müller-Lüdenscheidt",
      "Hans",
      "Müller-Lüdenscheidt",
      "capitalized-surname-first",
    ],
    ["Jean DUPONT", "x", "Jean DUPONT", "Jean", "DUPONT", "as-written"],
    ["JP Smith", "x", "JP Smith", "JP", "Smith", "as-written"],
    ["Li Ma", "x", "Li Ma", "Li", "Ma", "as-written"],
    ["Md Abdul Karim", "x", "Md Abdul Karim", "Md Abdul", "Karim", "as-written"],
    ["Van Morrison", "x", "Van Morrison", "Van", "Morrison", "as-written"],
    ["Jane Doe | Contoso", "x", "Jane Doe | Contoso", "Jane", "Doe", "as-written"],
    ["Jane Doe - Contoso Sales", "x", "Jane Doe - Contoso Sales", "Jane", "Doe", "as-written"],
    ["Jean-Marie Le Pen", "x", "Jean-Marie Le Pen", "Jean-Marie Le", "Pen", "as-written"],
    ["Contoso Ltd", "x", "Contoso Ltd", "", "", "as-written"],
    ["Jane Doe 🦄", "x", "Jane Doe 🦄", "Jane", "Doe", "as-written"],
    ["🦄 Jane", "x", "🦄 Jane", "Jane", "", "as-written"],
    ["محمد بن سلمان", "x", "محمد بن سلمان", "محمد بن", "سلمان", "as-written"],
    ["דוד כהן", "x", "דוד כהן", "דוד", "כהן", "as-written"],
    ["山田 太郎", "x", "山田 太郎", "太郎", "山田", "as-written"],
    ["김 민준", "x", "김 민준", "민준", "김", "as-written"],
    ["山田太郎", "x", "山田太郎", "山田太郎", "", "as-written"],
    ["ИВАН ПЕТРОВ", "x", "Иван Петров", "Иван", "Петров", "as-written"],
    ["Jane Doe <jane@contoso.com>", "jane", "Jane Doe", "Jane", "Doe", "as-written"],
    ["Jane Doe (jane@contoso.com)", "jane", "Jane Doe", "Jane", "Doe", "as-written"],
    ["mailto:jane@contoso.com Jane", "jd", "Jane", "Jane", "", "as-written"],
  ])("%s", (raw, localPart, displayName, firstName, lastName, convention) => {
    const parsed = parsePersonName(cleanDisplayName(raw).text, localPart);
    expect(parsed?.person).toEqual({ displayName, firstName, lastName });
    expect(parsed?.convention).toBe(convention);
  });

  test.each([
    ["", "jane"],
    ["   ", "jane"],
    ["---", "jane"],
    ["🦄", "jane"],
    ["jane@contoso.com", "jane"],
    ["<jane@contoso.com>", "jane"],
    ["jane", "jane"],
    ["JANE", "jane"],
    ["jane.doe", "jane.doe+news"],
  ])("%s (local part %s) is not a usable name", (raw, localPart) => {
    expect(parsePersonName(cleanDisplayName(raw).text, localPart)).toBeNull();
  });

  test("reports capitals softened and organizations", () => {
    expect(parsePersonName("JANE DOE", "x")?.softenedCapitals).toBe(true);
    expect(parsePersonName("Jane Doe", "x")?.softenedCapitals).toBe(false);
    expect(parsePersonName("Contoso GmbH", "x")?.organizationLike).toBe(true);
  });
});

describe("softenCapitalizedWord", () => {
  test.each([
    ["O'BRIEN", false, "O'Brien"],
    ["D’ANGELO", false, "D’Angelo"],
    ["MCDONALD", false, "McDonald"],
    ["MC", false, "Mc"],
    ["MACDONALD", false, "Macdonald"],
    ["VAN", false, "van"],
    ["VAN", true, "Van"],
    ["III", false, "III"],
    ["ÉLODIE", true, "Élodie"],
  ])("%s (first: %s) → %s", (word, isFirst, expected) => {
    expect(softenCapitalizedWord(word, isFirst)).toBe(expected);
  });
});

describe("personFromLocalPart", () => {
  test.each([
    ["john.doe", { displayName: "John Doe", firstName: "John", lastName: "Doe" }],
    ["j_doe", { displayName: "J Doe", firstName: "J", lastName: "Doe" }],
    ["jdoe42", { displayName: "Jdoe", firstName: "Jdoe", lastName: "" }],
    ["JOHN.SMITH", { displayName: "John Smith", firstName: "John", lastName: "Smith" }],
    ["mary-jane.watson", { displayName: "Mary Jane Watson", firstName: "Mary Jane", lastName: "Watson" }],
    ["jane.doe+newsletters", { displayName: "Jane Doe", firstName: "Jane", lastName: "Doe" }],
    ["2024.jane", { displayName: "Jane", firstName: "Jane", lastName: "" }],
    ["jürgen.müller", { displayName: "Jürgen Müller", firstName: "Jürgen", lastName: "Müller" }],
  ])("%s", (localPart, expected) => {
    expect(personFromLocalPart(localPart)).toEqual(expected);
  });

  test.each([["12345"], ["_._"], ["+tag"]])("%s gives no name", (localPart) => {
    expect(personFromLocalPart(localPart)).toBeNull();
  });
});

test.each([
  ["support", "Support"],
  ["Sales", "Sales"],
  ["info2", "Info"],
  ["hr+jobs", "HR"],
  ["jane", null],
  ["supporter", null],
])("roleMailboxLabel(%s) → %s", (localPart, label) => {
  expect(roleMailboxLabel(localPart)).toBe(label);
});

test("addressesInDisplayName", () => {
  expect(addressesInDisplayName("ceo@fabrikam.com via <relay@x.io> (mailto:a@b.co).")).toEqual([
    "ceo@fabrikam.com",
    "relay@x.io",
    "a@b.co",
  ]);
  expect(addressesInDisplayName("Jane Doe")).toEqual([]);
});
