/**
 * A small, believable organization for the demo and for `npm run emulator` without
 * `--seed`: a few external contacts (one mastered on-premises, one look-alike address),
 * and internal recipients whose names and addresses are taken.
 */
import type { EmulatorSeed } from "./seed";

export const DEMO_SEED: EmulatorSeed = {
  contacts: [
    {
      ContactId: "0f8fad5b-d9cb-469f-a165-70867728950e",
      ContactName: "Alex Wilber (Fabrikam)",
      ContactDisplayName: "Alex Wilber (Fabrikam)",
      ContactFirstName: "Alex",
      ContactLastName: "Wilber",
      ContactCompany: "Fabrikam",
      ContactTitle: "Account Manager",
      ContactExternalEmailAddress: "alex.wilber@fabrikam.com",
      ContactMailTip: "External contact at Fabrikam.",
    },
    {
      ContactId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
      ContactName: "John Doe (Northwind)",
      ContactDisplayName: "John Doe",
      ContactFirstName: "John",
      ContactLastName: "Doe",
      ContactCompany: "Northwind Traders",
      ContactExternalEmailAddress: "john@northwindtraders.com",
    },
    {
      ContactId: "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
      ContactName: "John Doe (look-alike)",
      ContactDisplayName: "John Doe",
      ContactExternalEmailAddress: "john@northwindtraders.com.evil.io",
      ContactHiddenFromAddressListsEnabled: true,
    },
    {
      ContactId: "9a3e2f1c-5b7d-4e8a-9c6f-1d2e3f4a5b6c",
      ContactName: "Megan Bowen (Tailspin)",
      ContactDisplayName: "Megan Bowen",
      ContactFirstName: "Megan",
      ContactLastName: "Bowen",
      ContactCompany: "Tailspin Toys",
      ContactExternalEmailAddress: "megan.bowen@tailspintoys.com",
      IsDirSynced: true,
    },
  ],
  recipients: [
    { address: "adele.vance@contoso.com", name: "Adele Vance", kind: "mailbox" },
    // The admin the probe signs in as against `npm run emulator` (docs/admin-setup.md): its
    // Get-Recipient of the signed-in user finds this mailbox, as it would in a tenant.
    { address: "admin@contoso.onmicrosoft.com", name: "Contoso Admin", kind: "mailbox" },
    { address: "lee.gu@contoso.com", name: "Lee Gu", kind: "mailbox" },
    { address: "sales@contoso.com", name: "Sales", kind: "group" },
    {
      address: "diego.siciliani_partner.example#EXT#@contoso.onmicrosoft.com",
      name: "Diego Siciliani",
      kind: "guest",
    },
    { address: "pradeep.gupta@woodgrovebank.com", name: "Pradeep Gupta", kind: "contact-other" },
  ],
};
