/**
 * Synthetic contacts for scale tests and benchmarks (`generateContacts: 100000`).
 * Deterministic (same N, same contacts and ids) and O(N): names and addresses carry the
 * index, so they are unique without any lookup.
 */
import type { SeedContact } from "./seed";

const FIRST_NAMES = [
  "Avery",
  "Blake",
  "Camila",
  "Dmitri",
  "Elena",
  "Farah",
  "Gustavo",
  "Hana",
  "Ibrahim",
  "Jun",
  "Kwame",
  "Lucia",
  "Mateo",
  "Nadia",
  "Oskar",
  "Priya",
] as const;

const LAST_NAMES = [
  "Andersen",
  "Bianchi",
  "Chen",
  "Dubois",
  "Eriksen",
  "Fischer",
  "Garcia",
  "Haddad",
  "Ito",
  "Kowalski",
  "Larsen",
  "Moreau",
  "Novak",
  "Okafor",
  "Petrov",
  "Silva",
] as const;

const COMPANIES = [
  { name: "Fabrikam", domain: "fabrikam.example" },
  { name: "Northwind Traders", domain: "northwind.example" },
  { name: "Tailspin Toys", domain: "tailspin.example" },
  { name: "Wide World Importers", domain: "wideworld.example" },
  { name: "Woodgrove Bank", domain: "woodgrove.example" },
  { name: "Adventure Works", domain: "adventure-works.example" },
] as const;

/** A deterministic GUID-shaped id for synthetic contact number `index`. */
export function syntheticContactId(index: number): string {
  const hex = index.toString(16).padStart(12, "0");
  return `5e7a0000-0000-4000-8000-${hex}`;
}

export function generateSyntheticContacts(count: number): SeedContact[] {
  const contacts: SeedContact[] = new Array(count);
  const width = Math.max(6, String(count).length);
  for (let index = 0; index < count; index++) {
    const first = FIRST_NAMES[index % FIRST_NAMES.length] as string;
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] as string;
    const company = COMPANIES[index % COMPANIES.length] as (typeof COMPANIES)[number];
    const number = String(index + 1).padStart(width, "0");
    const displayName = `${first} ${last} ${number}`;
    contacts[index] = {
      ContactId: syntheticContactId(index + 1),
      ContactName: displayName,
      ContactDisplayName: displayName,
      ContactFirstName: first,
      ContactLastName: last,
      ContactCompany: company.name,
      ContactExternalEmailAddress: `${first}.${last}.${number}@${company.domain}`.toLowerCase(),
    };
  }
  return contacts;
}
