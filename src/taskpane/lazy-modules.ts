/**
 * The pane's on-demand chunks, each imported once. The bootstrap starts the two the
 * pane needs for every sender (the directory and the draft workflow) before it waits
 * for Office, so they download in parallel with the first paint instead of after it.
 */
export interface ModuleLoader<T> {
  /** Imports the module (once; a failed import is tried again on the next call). */
  load(): Promise<T>;
  /** The module if it has arrived, else null: lets code use it synchronously when it can. */
  loaded(): T | null;
}

export function moduleLoader<T>(importModule: () => Promise<T>): ModuleLoader<T> {
  let loading: Promise<T> | null = null;
  let module: T | null = null;
  return {
    load() {
      loading ??= importModule().then(
        (arrived) => (module = arrived),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => module,
  };
}

export type DraftWorkflow = typeof import("./state/draft-workflow");
export type DirectoryModule = typeof import("../composition/directory-module");
export type AfterClickViews = typeof import("./components/after-click-views");

export const draftWorkflowModule: ModuleLoader<DraftWorkflow> = moduleLoader(
  () => import(/* webpackChunkName: "prefill" */ "./state/draft-workflow"),
);

export const directoryModule: ModuleLoader<DirectoryModule> = moduleLoader(
  () => import(/* webpackChunkName: "directory" */ "../composition/directory-module"),
);

/** Views shown only after a click (the draft editor, the mail tip editor, the progress view). */
export const afterClickViewsModule: ModuleLoader<AfterClickViews> = moduleLoader(
  () => import(/* webpackChunkName: "after-click" */ "./components/after-click-views"),
);

let afterClickPrefetchScheduled = false;

/**
 * Downloads the after-click views when the browser is idle, once. Called when a verdict is
 * on screen: no click can need them before that, and fetching them earlier would compete
 * with what the verdict needs.
 */
export function prefetchAfterClickViews(): void {
  if (afterClickPrefetchScheduled) return;
  afterClickPrefetchScheduled = true;
  const prefetch = () => {
    afterClickViewsModule.load().catch(() => {
      // Tried again when a view needs it; a later verdict may prefetch again.
      afterClickPrefetchScheduled = false;
    });
  };
  if (typeof window !== "undefined" && typeof window.requestIdleCallback === "function") {
    window.requestIdleCallback(prefetch, { timeout: 2000 });
  } else {
    setTimeout(prefetch, 0);
  }
}

/** Starts the downloads every sender needs; failures surface where the modules are used. */
export function startLoadingPaneModules(): void {
  draftWorkflowModule.load().catch(() => {});
  directoryModule.load().catch(() => {});
}
