/**
 * What the page shows when the pane cannot start: opened outside Outlook, or built with
 * an invalid configuration. Its own chunk ("outside"): a pane in Outlook never needs it.
 * Its sentences are a section of the catalogue (locales/outside-sentences.ts), in the language
 * the bootstrap chose: the browser's outside Outlook, where there is no display language.
 */
import type { JSX } from "react";
import type { OutsideReason } from "../office/outside-outlook";
import { outsideSentences } from "./locales/outside-sentences";
import { StartupMessage } from "./StartupMessage";

export function OutsideOutlook(props: { reason: OutsideReason; host: string | null }): JSX.Element {
  const explanation = explainOutsideOutlook(props.reason, props.host);
  return <StartupMessage title={explanation.title} paragraphs={explanation.paragraphs} />;
}

export function ConfigurationProblem(props: { problems: readonly string[] }): JSX.Element {
  return (
    <StartupMessage
      title={outsideSentences().configuration.title}
      // The problems name settings for whoever deploys (src/app-config.ts), in English as the README.
      paragraphs={[...props.problems, outsideSentences().configuration.advice]}
    />
  );
}

export interface OutsideExplanation {
  title: string;
  paragraphs: string[];
}

/** Plain words for a person who opened the pane's page somewhere other than Outlook. */
export function explainOutsideOutlook(reason: OutsideReason, host: string | null): OutsideExplanation {
  const text = outsideSentences();
  switch (reason) {
    case "office-js-missing":
      return {
        title: text.officeJsMissing.title,
        paragraphs: [text.officeJsMissing.cause, text.where, text.howTo],
      };
    case "other-host":
      return {
        title: text.otherHost.title,
        paragraphs: [
          host ? text.otherHost.openedIn(host) : text.otherHost.openedInOther,
          text.where,
          text.howTo,
        ],
      };
    case "no-mailbox":
      return { title: text.noMailbox.title, paragraphs: [text.noMailbox.cause, text.howTo] };
    case "timeout":
      return { title: text.timeout.title, paragraphs: [text.timeout.cause, text.where] };
    case "no-host":
      return { title: text.noHost.title, paragraphs: [text.noHost.cause, text.where, text.howTo] };
  }
}
