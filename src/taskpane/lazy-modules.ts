/**
 * The pane's on-demand chunks, each imported once. The bootstrap starts the directory (the
 * verdict needs it) before it waits for Office, so it downloads in parallel with the first
 * paint. The draft workflow (Public Suffix List) is not needed for the verdict, and is the
 * largest chunk: the controller prefills a draft only once the first verdict is on screen. The
 * sender-trust checks are a chunk of their own ("trust"): the tracker asks for them once the
 * first lookup has settled, and an Add clicked before they decide waits for them. Both share
 * the Public Suffix List through one "psl" chunk (webpack.config.js).
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
export type TrustChecks = typeof import("./state/trust-checks");
export type DirectoryModule = typeof import("../composition/directory-module");
export type AfterClickViews = typeof import("./components/after-click-views");
export type ExchangeDirectoryModule = typeof import("../composition/exchange-directory-module");
export type SuggestionsModule = typeof import("../composition/suggestions-module");

export const draftWorkflowModule: ModuleLoader<DraftWorkflow> = moduleLoader(
  () => import(/* webpackChunkName: "prefill" */ "./state/draft-workflow"),
);

/** The sender-trust checks: asked for when the first lookup has settled, never behind the draft workflow. */
export const trustChecksModule: ModuleLoader<TrustChecks> = moduleLoader(
  () => import(/* webpackChunkName: "trust" */ "./state/trust-checks"),
);

export const directoryModule: ModuleLoader<DirectoryModule> = moduleLoader(
  () => import(/* webpackChunkName: "directory" */ "../composition/directory-module"),
);

/** The Exchange (InvokeCommand) directory, for builds with ADDIN_BACKEND=exchange. */
export const exchangeDirectoryModule: ModuleLoader<ExchangeDirectoryModule> = moduleLoader(
  () => import(/* webpackChunkName: "exchange-directory" */ "../composition/exchange-directory-module"),
);

/** Frequent-sender suggestions (the Graph client and its schemas): only when Suggestions is opened. */
export const suggestionsModule: ModuleLoader<SuggestionsModule> = moduleLoader(
  () => import(/* webpackChunkName: "suggestions" */ "../composition/suggestions-module"),
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

/** Starts the download the first verdict needs (the build's backend's directory); failures surface where the module is used. */
export function startLoadingPaneModules(backend: "admin-center" | "exchange" = "admin-center"): void {
  (backend === "exchange" ? exchangeDirectoryModule : directoryModule).load().catch(() => {});
}
