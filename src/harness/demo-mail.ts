/**
 * The demo's received mail for suggestions: 30 days (and some older) of synthetic messages,
 * dated from the moment the demo starts, served by the emulator's stand-in for Graph's
 * /v1.0/me/mailFolders/inbox/messages (the Inbox). Frequent external senders not in the address book yet, one who is
 * (Marcus Webb), colleagues, automated mail, and a sender whose mail is mostly too old.
 */
import { syntheticMail, type SeedMessage, type SyntheticSender } from "../emulator/graph-mail";

export const DEMO_FREQUENT_SENDERS: readonly SyntheticSender[] = [
  { name: "Isabel Ferreira", address: "isabel.ferreira@fabrikam.com", messages: 14, withinDays: 28 },
  { name: "Rafael Costa", address: "rafael.costa@adventure-works.com", messages: 9, withinDays: 25 },
  { name: "Layla Haddad", address: "layla.haddad@wideworldimporters.com", messages: 7, withinDays: 27 },
  { name: "Kenji Watanabe", address: "kenji.watanabe@relecloud.com", messages: 5, withinDays: 20 },
  { name: "Olivia Brennan", address: "olivia.brennan@alpineskihouse.com", messages: 3, withinDays: 15 },
  // Already in the address book: counted, then left out after the lookup.
  { name: "Marcus Webb", address: "marcus.webb@litwareinc.com", messages: 11, withinDays: 28 },
  // Not for the address book: a colleague and automated mail.
  { name: "Alex Wilber", address: "alexw@contoso.com", messages: 20, withinDays: 29 },
  { name: "Woodgrove Bank", address: "no-reply@woodgrovebank.com", messages: 8, withinDays: 29 },
  // Mostly older than 30 days: only the newest few count.
  { name: "Bea Schmidt", address: "bea.schmidt@cohowinery.com", messages: 12, withinDays: 90 },
];

export function demoMail(now: Date): SeedMessage[] {
  return syntheticMail(now, DEMO_FREQUENT_SENDERS);
}
