// The page nested-app-auth.e2e.ts builds: the pane's token provider with its default loaders,
// so the sign-in chunks are the ones webpack makes from the pane's own resolve rules.
import { NestedAppAuthTokenProvider } from "../../src/auth/nested-app-auth";

(
  window as unknown as { NestedAppAuthTokenProvider: typeof NestedAppAuthTokenProvider }
).NestedAppAuthTokenProvider = NestedAppAuthTokenProvider;
