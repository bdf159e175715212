/**
 * The composition root: the one place that wires a backend into the pane (the lint rule in
 * eslint.config.mjs forbids src/contacts/ and src/taskpane/ to import one). A second
 * backend (src/exchange-rest/) is wired beside it, in exchange-directory-module.ts.
 *
 * The admin center directory as the pane uses it. Loaded on demand (chunk "directory"):
 * the client, its response schemas and zod are not needed for the pane's first paint.
 */
import { AdminCenterClient, type AdminCenterClientOptions } from "../admin-api/client";
import { AdminCenterDirectory } from "../admin-api/directory-adapter";
import type { ContactDirectory } from "../contacts/directory";
import type { DirectoryRetryNotice } from "../taskpane/services/retry-notices";
import { noticingDirectory } from "./noticing-directory";

export interface NoticingDirectoryOptions extends Omit<AdminCenterClientOptions, "onRetry"> {
  onRetryNotice(notice: DirectoryRetryNotice): void;
}

export function createNoticingDirectory(options: NoticingDirectoryOptions): ContactDirectory {
  const { onRetryNotice, ...clientOptions } = options;
  return noticingDirectory(
    onRetryNotice,
    (onRetry) => new AdminCenterDirectory(new AdminCenterClient({ ...clientOptions, onRetry })),
  );
}
