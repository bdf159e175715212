/**
 * The pane's bootstrap. taskpane.html has already painted a skeleton and loaded Office.js
 * (or the demo's stand-in). Here: wait for Office, check where we run and how we were
 * built, compose the services, and render the App into #root (replacing the skeleton).
 * Outside Outlook, or with a broken build configuration, render an explanation instead.
 */
import { createRoot } from "react-dom/client";
import {
  AppConfigError,
  injectedBuildConfig,
  readAppConfig,
  withDemoOverrides,
  type AppConfig,
} from "../app-config";
import { hostDisplayLanguage, waitForOfficeEnvironment } from "../office/outside-outlook";
import { App } from "./App";
import { createPaneServices } from "./create-pane-services";
import { startLoadingPaneModules } from "./lazy-modules";
import { applyBrowserLanguage, applyDisplayLanguage } from "./locales/language";
import { StartupMessage } from "./StartupMessage";
import { strings } from "./strings";

/** The build's configuration (a demo build takes the demo page's ?backend= and ?trustPolicy=). */
function configure(): AppConfig {
  return readAppConfig(withDemoOverrides(injectedBuildConfig(), window.location.search));
}

/**
 * The explanations for a pane that cannot start (their own chunk; a pane in Outlook never
 * needs them), in the display language of the Office application that answered, else the
 * browser's (a plain tab has no display language).
 */
const outsideViews = async (displayLanguage: string | null = null) => {
  const [views] = await Promise.all([
    import(/* webpackChunkName: "outside" */ "./OutsideOutlook"),
    displayLanguage ? applyDisplayLanguage(displayLanguage) : applyBrowserLanguage(),
  ]);
  return views;
};

async function start(): Promise<void> {
  // Before waiting for Office: the directory and draft chunks download while Office starts.
  let early: AppConfig | null = null;
  try {
    early = configure();
  } catch {
    // Reported below, once the pane can render it.
  }
  startLoadingPaneModules(early?.backend);
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const root = createRoot(container);

  const office = typeof Office === "undefined" ? undefined : Office;
  // After 15 s the pane says Outlook did not answer; a late answer still starts it.
  const environment = await waitForOfficeEnvironment(office, {
    onSlow: () =>
      void outsideViews().then(({ OutsideOutlook }) =>
        root.render(<OutsideOutlook reason="timeout" host={null} />),
      ),
  });
  if (environment.kind !== "outlook" || !office) {
    const reason = environment.kind === "outside" ? environment.reason : "office-js-missing";
    const host = environment.kind === "outside" ? environment.host : null;
    const { OutsideOutlook } = await outsideViews(hostDisplayLanguage(office, environment));
    root.render(<OutsideOutlook reason={reason} host={host} />);
    return;
  }

  let config: AppConfig;
  try {
    config = early ?? configure();
  } catch (error) {
    if (!(error instanceof AppConfigError)) throw error;
    const { ConfigurationProblem } = await outsideViews(hostDisplayLanguage(office, environment));
    root.render(<ConfigurationProblem problems={error.problems} />);
    return;
  }

  try {
    const services = createPaneServices(office, config, {
      origin: window.location.origin,
      pageUrl: window.location.href,
    });
    // Outlook's display language, before the first sentence is drawn (German is its own chunk).
    await applyDisplayLanguage(services.host.context.displayLanguage);
    root.render(<App services={services} />);
  } catch (error) {
    // Never leave the skeleton spinning: say something a person can act on.
    console.error("GAL Contact could not start:", error instanceof Error ? error.name : typeof error);
    root.render(<StartupMessage title={strings.startup.failed} paragraphs={[strings.startup.advice]} />);
  }
}

void start();
