/**
 * The two backends behind ContactDirectory, as the parameterised integration tests see them:
 * how to build each one's real client stack against the emulator, which tokens it takes, what
 * its calls are called in the emulator's request log, and the few ways they legitimately differ.
 */
import { AdminCenterClient } from "../../src/admin-api/client";
import { AdminCenterDirectory } from "../../src/admin-api/directory-adapter";
import type { TokenProvider } from "../../src/auth/token-provider";
import type { ContactDirectory, MailContact } from "../../src/contacts/directory";
import type { RecordedRequest } from "../../src/emulator/server";
import { DEMO_TOKENS } from "../../src/emulator/server";
import { ExchangeRestClient } from "../../src/exchange-rest/client";
import { ExchangeRestDirectory } from "../../src/exchange-rest/directory";

export interface DirectoryBackend {
  name: "admin-center" | "exchange";
  adminToken: string;
  readOnlyToken: string;
  /** The directory over the backend's real client at `baseUrl`; `sleep` replaces the retry policy's waits. */
  directory(baseUrl: string, tokens: TokenProvider, sleep: (ms: number) => Promise<void>): ContactDirectory;
  /** The names of the calls in the emulator's request log (see callName). */
  calls: {
    create: string;
    search: string;
    updateGeneral: string;
    updateOptions: string;
    /** The call that reads what the lookup lacks (the company), or null where the lookup carries it. */
    readDetails: string | null;
    /** The call that names who holds an address, or null where the backend cannot ask. */
    findHolder: string | null;
  };
  /** The admin center's create applies the mail tip; New-MailContact takes none, so Set-MailContact follows. */
  createAppliesMailTip: boolean;
  /** Whether the backend can say what kind of recipient holds an address (findHolder). */
  namesHolderKind: boolean;
}

/**
 * The contact as a fresh reader sees it, with company and the other general fields: one
 * search on the admin center; on Exchange the verdict's Get-MailContact plus Get-Contact.
 */
export async function readBack(directory: ContactDirectory, address: string): Promise<MailContact | null> {
  const found = await directory.findByAddress(address);
  return found && directory.readDetails ? directory.readDetails(found) : found;
}

/** A request as the tests name it: the cmdlet for InvokeCommand, "METHOD path" otherwise. */
export function callName(request: Pick<RecordedRequest, "method" | "path" | "cmdlet">): string {
  return request.cmdlet ?? `${request.method} ${request.path}`;
}

export const BACKENDS: readonly DirectoryBackend[] = [
  {
    name: "admin-center",
    adminToken: DEMO_TOKENS.admin,
    readOnlyToken: DEMO_TOKENS.readOnly,
    directory: (baseUrl, tokens, sleep) =>
      new AdminCenterDirectory(new AdminCenterClient({ baseUrl, tokens, timeoutMs: 5000, retry: { sleep } })),
    calls: {
      create: "POST /admin/api/Contact",
      search: "POST /admin/api/Contact/GetContacts",
      updateGeneral: "PUT /admin/api/Contact",
      updateOptions: "PUT /admin/api/Contact/options",
      readDetails: null,
      findHolder: null,
    },
    createAppliesMailTip: true,
    namesHolderKind: false,
  },
  {
    name: "exchange",
    adminToken: DEMO_TOKENS.exchangeAdmin,
    readOnlyToken: DEMO_TOKENS.exchangeReadOnly,
    directory: (baseUrl, tokens, sleep) =>
      new ExchangeRestDirectory(
        new ExchangeRestClient({
          baseUrl,
          tokens,
          tenant: "contoso.onmicrosoft.com",
          user: "admin@contoso.onmicrosoft.com",
          timeoutMs: 5000,
          retry: { sleep },
        }),
      ),
    calls: {
      create: "New-MailContact",
      search: "Get-MailContact",
      updateGeneral: "Set-Contact",
      updateOptions: "Set-MailContact",
      readDetails: "Get-Contact",
      findHolder: "Get-Recipient",
    },
    createAppliesMailTip: false,
    namesHolderKind: true,
  },
];
