// @ts-check
/**
 * The pane's build: three pages, the icons, the support page and the manifest into dist/.
 *
 *   npm run build        production: minified, content-hashed, hidden source maps beside the bundles
 *   npm run build:dev    development build
 *   npm run dev-server   https://localhost:3000 with office-addin-dev-certs' certificate
 *
 * Configuration comes from environment variables (docs/platform.md): ADDIN_BACKEND,
 * ADDIN_EXCHANGE_TENANT, ADDIN_CLIENT_ID,
 * ADDIN_AUTHORITY, ADDIN_API_SCOPE, ADDIN_API_BASE_URL, ADDIN_INTERNAL_DOMAINS,
 * ADDIN_MAIL_TIP_TEMPLATE, ADDIN_TRUST_POLICY, ADDIN_APPROVERS, ADDIN_DEMO (injected into the bundle, read by src/app-config.ts),
 * ADDIN_OFFICE_JS (cdn | self | demo: where taskpane.html loads Office.js from),
 * ADDIN_PUBLIC_URL (the https base URL written into dist/manifest.xml and dist/manifest.json)
 * and ADDIN_MULTISELECT (on: also dist/manifest.multiselect.xml and .json, which ask for
 * ReadWriteMailbox; never the default manifests).
 *
 * A production build without ADDIN_CLIENT_ID or ADDIN_PUBLIC_URL (and not the demo) makes a
 * localhost manifest and a pane that refuses to start: it warns loudly, and fails instead
 * with ADDIN_STRICT=1 or `npm run build -- --env strict` (what a deployment's CI uses).
 */
const fs = require("node:fs");
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const tsx = require("tsx/cjs/api");

/** @type {typeof import("./src/taskpane/page-strings")} */
const { PAGE_STRINGS } = tsx.require("./src/taskpane/page-strings.ts", __filename);
/** @type {typeof import("./scripts/manifest-rewrite")} */
const { rewriteManifestUrls, parsePublicUrl } = tsx.require("./scripts/manifest-rewrite.ts", __filename);
/** @type {typeof import("./scripts/manifest-variants")} */
const { multiselectXml, multiselectJson } = tsx.require("./scripts/manifest-variants.ts", __filename);

const DEV_SERVER_PORT = 3000;
const MSAL_BROWSER = path.dirname(require.resolve("@azure/msal-browser/package.json"));

/** Where each Office.js mode loads the library from, relative to the page or absolute. */
const OFFICE_JS_SOURCES = {
  /** Microsoft's CDN: the only supported way in commercial clouds. */
  cdn: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  /** Our own origin (sovereign or air-gapped clouds): @microsoft/office-js copied to office-js/. */
  self: "office-js/office.js",
  /** The demo's Office stand-in, served by the demo server (src/harness/webpack.harness.js builds it). */
  demo: "harness/office-stand-in.js",
};
const SELF_HOSTED_OFFICE_JS_DIR = "office-js";

/**
 * The pages the build emits, each with its entry. The manifest's structural test
 * (test/manifest) reads this list through the configuration's HtmlWebpackPlugin instances.
 */
const PAGES = [
  {
    name: "taskpane",
    entry: "./src/taskpane/index.tsx",
    template: "./src/taskpane/taskpane.html",
    officeJs: true,
  },
  {
    name: "auth-dialog",
    entry: "./src/auth/auth-dialog-entry.ts",
    template: "./src/auth/auth-dialog.html",
    officeJs: true,
  },
  {
    name: "auth-redirect",
    entry: "./src/auth/auth-redirect-entry.ts",
    template: "./src/auth/auth-redirect.html",
    officeJs: false,
  },
];

/** @param {string | undefined} value */
function isOn(value) {
  return ["1", "true", "on"].includes((value ?? "").trim().toLowerCase());
}

/** The values src/app-config.ts reads as __ADDIN_BUILD_CONFIG__. Public by nature: no secrets here. */
function buildTimeConfig() {
  const env = process.env;
  return {
    backend: env.ADDIN_BACKEND ?? "",
    exchangeTenant: env.ADDIN_EXCHANGE_TENANT ?? "",
    clientId: env.ADDIN_CLIENT_ID ?? "",
    authority: env.ADDIN_AUTHORITY ?? "",
    apiScope: env.ADDIN_API_SCOPE ?? "",
    apiBaseUrl: env.ADDIN_API_BASE_URL ?? "",
    internalDomains: env.ADDIN_INTERNAL_DOMAINS ?? "",
    mailTipTemplate: env.ADDIN_MAIL_TIP_TEMPLATE ?? "",
    trustPolicy: env.ADDIN_TRUST_POLICY ?? "",
    approvers: env.ADDIN_APPROVERS ?? "",
    demo: isOn(env.ADDIN_DEMO) ? "1" : "",
    suggestions: env.ADDIN_SUGGESTIONS ?? "",
    graphBaseUrl: env.ADDIN_GRAPH_BASE_URL ?? "",
    suggestionsDays: env.ADDIN_SUGGESTIONS_DAYS ?? "",
  };
}

/** Where the server finds the configuration above to build its CSP (src/server/csp-sources.ts). */
const BUILD_CONFIG_FILE = ".build-config.json";

/** Said at build time: the npm copy of office.js has no nested app authentication bridge. */
const SELF_HOSTED_OFFICE_JS_WARNING =
  "ADDIN_OFFICE_JS=self: the npm copy of office.js (@microsoft/office-js) lacks the nested app authentication " +
  "bridge, so sign-in always goes through the Office dialog (no single sign-on with Outlook's account). " +
  "Use the CDN (ADDIN_OFFICE_JS=cdn) wherever it is reachable; see docs/platform.md.";

/**
 * Writes dist/.build-config.json (the same public values DefinePlugin injects; the static
 * server never serves dotfiles) and turns configuration caveats into build warnings.
 * @param {{ officeJs: string }} options
 */
function buildConfigPlugin({ officeJs }) {
  return {
    /** @param {import("webpack").Compiler} compiler */
    apply(compiler) {
      compiler.hooks.thisCompilation.tap("BuildConfigFile", (compilation) => {
        compilation.hooks.processAssets.tap(
          { name: "BuildConfigFile", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
          () => {
            const text = `${JSON.stringify(buildTimeConfig(), null, 2)}\n`;
            compilation.emitAsset(BUILD_CONFIG_FILE, new webpack.sources.RawSource(text));
            if (officeJs === "self")
              compilation.warnings.push(new webpack.WebpackError(SELF_HOSTED_OFFICE_JS_WARNING));
          },
        );
      });
    },
  };
}

/**
 * Why a production build would not be deployable: the pane's own configuration check
 * (src/app-config.ts, the same one the pane runs at start) and a missing public URL.
 * @param {{ publicUrl: unknown }} build
 * @returns {string[]}
 */
function deploymentProblems(build) {
  /** @type {typeof import("./src/app-config")} */
  const { readAppConfig, AppConfigError } = tsx.require("./src/app-config.ts", __filename);
  const problems = [];
  try {
    readAppConfig(buildTimeConfig());
  } catch (error) {
    if (!(error instanceof AppConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (!build.publicUrl) {
    problems.push("ADDIN_PUBLIC_URL is not set: dist/manifest.xml points at https://localhost:3000.");
  }
  return problems;
}

/**
 * Progress for a person waiting: in a terminal, or when the demo's build asks for it
 * (ADDIN_BUILD_PROGRESS=1, relayed by src/harness/demo-build.ts); one line per 10 %, on stderr,
 * and nothing in CI logs or in tests.
 * @returns {import("webpack").WebpackPluginInstance[]}
 */
function progressPlugins() {
  const asked = process.env.ADDIN_BUILD_PROGRESS === "1" || (process.stderr.isTTY && !process.env.CI);
  if (!asked) return [];
  let shown = -1;
  return [
    new webpack.ProgressPlugin((fraction, message) => {
      const step = Math.floor(fraction * 10);
      if (step <= shown) return;
      shown = step;
      process.stderr.write(`webpack: ${step * 10} % ${message}\n`);
    }),
  ];
}

/** @returns {keyof typeof OFFICE_JS_SOURCES} */
function officeJsMode() {
  const requested = (process.env.ADDIN_OFFICE_JS ?? "").trim().toLowerCase();
  const mode = requested || (isOn(process.env.ADDIN_DEMO) ? "demo" : "cdn");
  if (!(mode in OFFICE_JS_SOURCES)) {
    throw new Error(
      `ADDIN_OFFICE_JS must be one of ${Object.keys(OFFICE_JS_SOURCES).join(", ")}; got "${requested}".`,
    );
  }
  return /** @type {keyof typeof OFFICE_JS_SOURCES} */ (mode);
}

/**
 * Both manifests (and the unified one's German strings), on the public URL when one is
 * given; with multi-select on, a second variant of each beside them (scripts/manifest-variants.ts).
 * @param {string | null} publicUrl
 * @param {boolean} multiselect
 * @returns {import("copy-webpack-plugin").Pattern[]}
 */
function manifestCopies(publicUrl, multiselect) {
  /** @param {(text: string) => string} variant */
  const transform = (variant) => (/** @type {Buffer} */ content) => {
    const text = variant(content.toString("utf8"));
    return publicUrl ? rewriteManifestUrls(text, publicUrl) : text;
  };
  const same = (/** @type {string} */ text) => text;
  /** @type {import("copy-webpack-plugin").Pattern[]} */
  const copies = [
    { from: "manifest.xml", to: "manifest.xml", transform: transform(same) },
    { from: "manifest.json", to: "manifest.json", transform: transform(same) },
    { from: "manifest.de-de.json", to: "manifest.de-de.json" },
  ];
  if (multiselect) {
    copies.push(
      { from: "manifest.xml", to: "manifest.multiselect.xml", transform: transform(multiselectXml) },
      { from: "manifest.json", to: "manifest.multiselect.json", transform: transform(multiselectJson) },
    );
  }
  return copies;
}

/**
 * The dev server's hook for extra routes. The relay (src/server) mounts its connect-style
 * handler here so that /admin/api/... is forwarded in development exactly as in production.
 * @param {import("webpack-dev-server").Middleware[]} middlewares
 * @param {import("webpack-dev-server")} _devServer
 */
function setupMiddlewares(middlewares, _devServer) {
  /** @type {typeof import("./src/server/relay")} */
  const { createRelayHandler } = tsx.require("./src/server/relay.ts", __filename);
  /** @type {typeof import("./src/server/access-log")} */
  const { jsonLinesLogger } = tsx.require("./src/server/access-log.ts", __filename);
  // First, so /admin/api/... and /adminapi/... never reach the dev server's own handlers.
  // ADMIN_UPSTREAM and EXCHANGE_UPSTREAM point it at the emulator; unset, it relays to the real services.
  middlewares.unshift({
    name: "admin-api-relay",
    middleware: createRelayHandler({
      upstream: process.env.ADMIN_UPSTREAM || undefined,
      exchangeUpstream: process.env.EXCHANGE_UPSTREAM || undefined,
      log: jsonLinesLogger(),
    }),
  });
  return middlewares;
}

/**
 * https for the dev server with office-addin-dev-certs' localhost certificate. Installing its
 * CA needs admin rights; where that fails (no sudo, a container), serve with the generated
 * certificate anyway and say how to trust it, rather than not starting at all.
 * @returns {Promise<import("node:https").ServerOptions>}
 */
async function devServerHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const directory = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
    const read = (/** @type {string} */ name) => fs.readFileSync(path.join(directory, name));
    if (
      !["ca.crt", "localhost.crt", "localhost.key"].every((name) => fs.existsSync(path.join(directory, name)))
    ) {
      throw error;
    }
    console.warn(
      `The development CA could not be installed (${error instanceof Error ? error.message.split("\n")[0] : error}).\n` +
        "Serving https://localhost:3000 with the generated certificate; Outlook and browsers will refuse it until you\n" +
        "trust it: run `npx office-addin-dev-certs install` with administrator rights.",
    );
    return { ca: read("ca.crt"), cert: read("localhost.crt"), key: read("localhost.key") };
  }
}

/**
 * @param {Record<string, unknown>} env webpack-cli's --env (WEBPACK_SERVE is set by `webpack serve`)
 * @param {{ mode?: "production" | "development" | "none" }} argv
 * @returns {Promise<import("webpack").Configuration>}
 */
module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode ?? "production";
  const production = mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const officeJs = officeJsMode();
  const publicUrl =
    !serving && process.env.ADDIN_PUBLIC_URL ? parsePublicUrl(process.env.ADDIN_PUBLIC_URL) : null;
  if (production && !serving && !isOn(process.env.ADDIN_DEMO)) {
    const problems = deploymentProblems({ publicUrl });
    const strict = Boolean(env.strict) || isOn(process.env.ADDIN_STRICT);
    if (problems.length > 0 && strict) {
      throw new Error(`Not a deployable build (ADDIN_STRICT):\n  ${problems.join("\n  ")}`);
    }
    if (problems.length > 0) {
      console.warn(
        [
          "",
          "!!! WARNING: this production build is NOT deployable !!!",
          ...problems.map((problem) => `  - ${problem}`),
          "  Set them (docs/platform.md); ADDIN_STRICT=1 or `npm run build -- --env strict` makes this an error.",
          "",
        ].join("\n"),
      );
    }
  }

  /** @type {import("copy-webpack-plugin").Pattern[]} */
  const copies = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "assets/support.html", to: "support.html" },
    { from: "src/taskpane/unsupported-host.js", to: "unsupported-host.js" },
    ...manifestCopies(publicUrl, isOn(process.env.ADDIN_MULTISELECT)),
  ];
  if (officeJs === "self") {
    copies.push({ from: "node_modules/@microsoft/office-js/dist", to: SELF_HOSTED_OFFICE_JS_DIR });
  }

  return {
    mode,
    context: __dirname,
    entry: Object.fromEntries(PAGES.map((page) => [page.name, page.entry])),
    output: {
      path: path.resolve(__dirname, "dist"),
      // Relative to the page, so the add-in can live under a path prefix too.
      publicPath: "auto",
      filename: production ? "[name].[contenthash:12].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:12].js" : "[name].js",
      clean: true,
    },
    // Production maps are written for the bench and for debugging, but the bundles do not point
    // to them and `npm run serve` does not serve them unless asked (--source-maps).
    devtool: production ? "hidden-source-map" : "eval-cheap-module-source-map",
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
      alias: {
        // msal-browser's NAA half (src/auth/msal-naa.ts, tsconfig's paths): its exports map hides these files.
        "msal-naa": path.join(MSAL_BROWSER, "dist"),
        // The whole library from its single-file build, so the half shares no module with it:
        // webpack concatenates a chunk's modules only where no other chunk holds them (5 KB gzip).
        "@azure/msal-browser$": path.join(MSAL_BROWSER, "lib/msal-browser.js"),
      },
    },
    module: {
      rules: [
        // postal-mime has no side effects at import; saying so lets webpack keep only the
        // encoded-word decoder the pane imports (a few KB), not the whole MIME parser.
        { test: /[\\/]node_modules[\\/]postal-mime[\\/]/, sideEffects: false },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run typecheck`'s job; the build only transpiles.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } },
          },
        },
      ],
    },
    optimization: {
      // Each page's vendor code in its own long-cached chunk. On-demand chunks (MSAL, the
      // pane's "directory" with zod, "after-click" views) keep their packages inside them:
      // one request each instead of a chunk plus its vendor chunk, and a little less gzip
      // overhead (measured in docs/platform.md). One exception: the Public Suffix List
      // (tldts, ~47 KB gzip) with the company and free-mail rules built on it serves both the
      // sender check ("trust") and the draft ("prefill"), so it is one "psl" chunk both wait
      // for, fetched once, after the first verdict (docs/bench.md), instead of a copy in each.
      splitChunks: {
        chunks: "initial",
        cacheGroups: {
          psl: {
            test: /[\\/]node_modules[\\/](?:tldts|tldts-core|email-providers)[\\/]|[\\/]src[\\/]contacts[\\/]company\.ts$/,
            chunks: "async",
            name: "psl",
            enforce: true,
          },
        },
      },
    },
    plugins: [
      new webpack.DefinePlugin({ __ADDIN_BUILD_CONFIG__: JSON.stringify(buildTimeConfig()) }),
      ...PAGES.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page.name}.html`,
            template: page.template,
            chunks: [page.name],
            templateParameters: {
              officeJsUrl: page.officeJs ? OFFICE_JS_SOURCES[officeJs] : "",
              // taskpane.html's "not supported" note in English and German (unsupported-host.js picks one).
              unsupportedHost: { en: PAGE_STRINGS.en.unsupportedHost, de: PAGE_STRINGS.de.unsupportedHost },
            },
          }),
      ),
      new CopyWebpackPlugin({ patterns: copies }),
      buildConfigPlugin({ officeJs }),
      ...(serving ? [] : progressPlugins()),
    ],
    performance: {
      // The pane's first paint is the HTML skeleton; these limits flag a bundle that grew by accident.
      hints: production ? "warning" : false,
      maxEntrypointSize: 1_200_000,
      maxAssetSize: 1_200_000,
    },
    devServer: {
      port: DEV_SERVER_PORT,
      host: "localhost",
      hot: true,
      historyApiFallback: false,
      server: serving ? { type: "https", options: await devServerHttpsOptions() } : "https",
      setupMiddlewares,
    },
  };
};

module.exports.PAGES = PAGES;
module.exports.OFFICE_JS_SOURCES = OFFICE_JS_SOURCES;
module.exports.BUILD_CONFIG_FILE = BUILD_CONFIG_FILE;
module.exports.SELF_HOSTED_OFFICE_JS_WARNING = SELF_HOSTED_OFFICE_JS_WARNING;
