import { isDirectoryError } from "./directory-error";
import type { CallOptions, ContactDirectory, GeneralUpdate, MailContact, OptionsUpdate } from "./directory";
import { mailContact } from "./test-support/mail-contact";
import { setHiddenFromAddressLists, setMailTip } from "./edit";

/** Ada, with a mail tip and a raw record, as a contact read back from the admin center would be. */
function contact(overrides: Partial<MailContact> = {}): MailContact {
  return mailContact({ mailTip: "External: Analytical Engines", raw: { ContactId: "id-1" }, ...overrides });
}

/** Stores one contact and applies settings updates to it, as the seam promises. */
class OneContactDirectory implements ContactDirectory {
  readonly optionUpdates: Array<{ current: MailContact; changes: OptionsUpdate; signal?: AbortSignal }> = [];
  constructor(public stored: MailContact) {}

  async findByAddress(): Promise<MailContact | null> {
    return this.stored;
  }
  async create(): Promise<MailContact | null> {
    throw new Error("edits never create");
  }
  async updateGeneral(_current: MailContact, _changes: GeneralUpdate): Promise<MailContact> {
    throw new Error("edits only change settings");
  }
  async updateOptions(
    current: MailContact,
    changes: OptionsUpdate,
    options?: CallOptions,
  ): Promise<MailContact> {
    this.optionUpdates.push({ current, changes, signal: options?.signal });
    this.stored = { ...current, ...changes };
    return this.stored;
  }
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

describe("setMailTip", () => {
  it("sends the new tip, trimmed, on top of the contact as last read and returns the stored contact", async () => {
    const current = contact();
    const directory = new OneContactDirectory(current);
    const signal = new AbortController().signal;
    const updated = await setMailTip(directory, current, "  Replies within a day.  ", { signal });
    expect(directory.optionUpdates).toEqual([
      { current, changes: { mailTip: "Replies within a day." }, signal },
    ]);
    expect(updated.mailTip).toBe("Replies within a day.");
  });

  it('clears the tip with ""', async () => {
    const directory = new OneContactDirectory(contact());
    const updated = await setMailTip(directory, contact(), "");
    expect(directory.optionUpdates.map((u) => u.changes)).toEqual([{ mailTip: "" }]);
    expect(updated.mailTip).toBe("");
  });

  it("accepts exactly 175 characters (as a reader counts them, not code units) and refuses 176 before sending", async () => {
    const directory = new OneContactDirectory(contact());
    const emoji175 = "👩‍💻".repeat(175); // five code points, one character each
    await expect(setMailTip(directory, contact(), emoji175)).resolves.toMatchObject({ mailTip: emoji175 });

    const error = await rejectionOf(setMailTip(directory, contact(), "x".repeat(176)));
    expect(isDirectoryError(error, "invalid")).toBe(true);
    expect(error).toMatchObject({ reason: "too-long", field: "mailTip", limit: 175, length: 176 });
    expect(directory.optionUpdates).toHaveLength(1);
  });

  it("drops invisible characters and collapses whitespace before sending", async () => {
    const directory = new OneContactDirectory(contact());
    await setMailTip(directory, contact(), "Replies\u200B within\n\n a  day.");
    expect(directory.optionUpdates.map((u) => u.changes)).toEqual([{ mailTip: "Replies within a day." }]);
  });

  it("refuses character codes as markup too", async () => {
    const directory = new OneContactDirectory(contact());
    expect(isDirectoryError(await rejectionOf(setMailTip(directory, contact(), "AT&amp;T")), "invalid")).toBe(
      true,
    );
    expect(directory.optionUpdates).toHaveLength(0);
  });

  it("refuses HTML before sending", async () => {
    const directory = new OneContactDirectory(contact());
    const error = await rejectionOf(setMailTip(directory, contact(), "Call <b>first</b>"));
    expect(isDirectoryError(error, "invalid")).toBe(true);
    expect(error).toMatchObject({ reason: "not-plain-text", field: "mailTip" });
    expect(directory.optionUpdates).toHaveLength(0);
    // A lone "<" is plain text, not markup.
    await expect(setMailTip(directory, contact(), "Budget < 5k, ask first")).resolves.toMatchObject({
      mailTip: "Budget < 5k, ask first",
    });
  });

  it("refuses a contact synchronized from on-premises, saying why, without sending", async () => {
    const synced = contact({ dirSynced: true });
    const directory = new OneContactDirectory(synced);
    const error = await rejectionOf(setMailTip(directory, synced, "New tip"));
    expect(isDirectoryError(error, "invalid")).toBe(true);
    expect(error).toMatchObject({ reason: "dir-synced" });
    expect(directory.optionUpdates).toHaveLength(0);
  });

  it("sends nothing when the tip is unchanged", async () => {
    const current = contact();
    const directory = new OneContactDirectory(current);
    await expect(setMailTip(directory, current, current.mailTip)).resolves.toBe(current);
    expect(directory.optionUpdates).toHaveLength(0);
  });
});

describe("setHiddenFromAddressLists", () => {
  it("hides and shows the contact again, each time on top of the latest contact", async () => {
    const directory = new OneContactDirectory(contact());
    const hidden = await setHiddenFromAddressLists(directory, contact(), true);
    expect(hidden.hiddenFromAddressLists).toBe(true);
    const shown = await setHiddenFromAddressLists(directory, hidden, false);
    expect(shown.hiddenFromAddressLists).toBe(false);
    expect(directory.optionUpdates.map((u) => u.changes)).toEqual([
      { hiddenFromAddressLists: true },
      { hiddenFromAddressLists: false },
    ]);
    expect(directory.optionUpdates[1]?.current).toBe(hidden);
  });

  it("sends nothing when the flag is already as asked", async () => {
    const current = contact({ hiddenFromAddressLists: true });
    const directory = new OneContactDirectory(current);
    await expect(setHiddenFromAddressLists(directory, current, true)).resolves.toBe(current);
    expect(directory.optionUpdates).toHaveLength(0);
  });

  it("refuses a contact synchronized from on-premises without sending", async () => {
    const synced = contact({ dirSynced: true });
    const directory = new OneContactDirectory(synced);
    expect(
      isDirectoryError(await rejectionOf(setHiddenFromAddressLists(directory, synced, true)), "invalid"),
    ).toBe(true);
    expect(directory.optionUpdates).toHaveLength(0);
  });
});
