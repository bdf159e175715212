/**
 * Every contact GetContacts returns for `searchString` across pages, for tests that check
 * the emulator's or the relay's answers (the product itself only ever looks one address up).
 */
import type { AdminCenterClient, SearchOptions } from "../client";
import type { ContactRecord } from "../wire";

export async function searchAll(
  client: AdminCenterClient,
  searchString: string,
  options: SearchOptions = {},
): Promise<ContactRecord[]> {
  const contacts: ContactRecord[] = [];
  for await (const page of client.searchContactPages(searchString, options)) contacts.push(...page.Contacts);
  return contacts;
}

/** The first GetContacts page for `searchString`. */
export async function firstPage(client: AdminCenterClient, searchString = "", options: SearchOptions = {}) {
  const pages = client.searchContactPages(searchString, options);
  const first = await pages.next();
  await pages.return(undefined);
  if (first.done) throw new Error("searchContactPages yielded no page");
  return first.value;
}
