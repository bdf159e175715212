/**
 * A ContactDirectory whose implementation arrives later (a chunk loaded on demand). The
 * load starts when this is created, in parallel with the pane's first paint; each call
 * waits for it. A failed load is not remembered: the next call (Try again) loads again.
 */
import { untilAborted } from "../../contacts/abortable";
import { DirectoryError } from "../../contacts/directory-error";
import type { CallOptions, ContactDirectory } from "../../contacts/directory";

export function createLazyDirectory(load: () => Promise<ContactDirectory>): ContactDirectory {
  let loading: Promise<ContactDirectory> | null = null;
  const loaded = (): Promise<ContactDirectory> => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw new DirectoryError({ kind: "unavailable", reason: "download-failed", cause: error });
    });
    return loading;
  };
  // Started now; a failure here is reported by the first call that needs the directory.
  loaded().catch(() => {});

  const ready = (options: CallOptions | undefined): Promise<ContactDirectory> =>
    untilAborted(loaded(), options?.signal);

  return {
    findByAddress: async (address, options) => (await ready(options)).findByAddress(address, options),
    // Null when the backend cannot ask: callers then keep what a failed create said.
    findHolder: async (address, options) => {
      const directory = await ready(options);
      return directory.findHolder ? directory.findHolder(address, options) : null;
    },
    // The contact as it is when the backend's lookup already carries every field.
    readDetails: async (contact, options) => {
      const directory = await ready(options);
      return directory.readDetails ? directory.readDetails(contact, options) : contact;
    },
    create: async (contact, options) => (await ready(options)).create(contact, options),
    updateGeneral: async (current, changes, options) =>
      (await ready(options)).updateGeneral(current, changes, options),
    updateOptions: async (current, changes, options) =>
      (await ready(options)).updateOptions(current, changes, options),
  };
}
