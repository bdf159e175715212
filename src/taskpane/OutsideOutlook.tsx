/**
 * What the page shows when the pane cannot start: opened outside Outlook, or built with
 * an invalid configuration. Its own chunk ("outside"): a pane in Outlook never needs it.
 * English only: no display language is known outside Outlook.
 */
import type { JSX } from "react";
import type { OutsideReason } from "../office/outside-outlook";
import { StartupMessage } from "./StartupMessage";

export function OutsideOutlook(props: { reason: OutsideReason; host: string | null }): JSX.Element {
  const explanation = explainOutsideOutlook(props.reason, props.host);
  return <StartupMessage title={explanation.title} paragraphs={explanation.paragraphs} />;
}

export function ConfigurationProblem(props: { problems: readonly string[] }): JSX.Element {
  return (
    <StartupMessage
      title="GAL Contact is not set up correctly"
      paragraphs={[
        ...props.problems,
        "Whoever deploys the add-in needs to rebuild it with these settings (see the README's configuration section).",
      ]}
    />
  );
}

export interface OutsideExplanation {
  title: string;
  paragraphs: string[];
}

/** Plain words for a person who opened the pane's page somewhere other than Outlook. */
export function explainOutsideOutlook(reason: OutsideReason, host: string | null): OutsideExplanation {
  const where =
    "GAL Contact is an Outlook add-in. It runs in the task pane of Outlook on the web, the new Outlook for Windows, classic Outlook for Windows and Outlook for Mac, next to an open message.";
  const howTo =
    "Open a message in Outlook and choose GAL Contact on the ribbon (or in the Apps menu). Your administrator may need to deploy the add-in first.";
  switch (reason) {
    case "office-js-missing":
      return {
        title: "Office could not be loaded",
        paragraphs: [
          "This page needs Microsoft's Office JavaScript library, which did not load. A network filter or being offline can cause this.",
          where,
          howTo,
        ],
      };
    case "other-host":
      return {
        title: "This add-in works in Outlook only",
        paragraphs: [`It was opened in ${host ?? "another Office application"}.`, where, howTo],
      };
    case "no-mailbox":
      return {
        title: "No mailbox available",
        paragraphs: ["Outlook did not give this add-in access to a mailbox.", howTo],
      };
    case "timeout":
      return {
        title: "Outlook did not answer",
        paragraphs: [
          "The add-in waited for Outlook but got no answer yet. It starts by itself if Outlook answers; otherwise close the pane and open it again.",
          where,
        ],
      };
    case "no-host":
      return {
        title: "Open this add-in from Outlook",
        paragraphs: ["This page was opened in a plain browser tab.", where, howTo],
      };
  }
}
