/**
 * What the page shows when the pane cannot start: opened outside Outlook, or built with
 * an invalid configuration. Plain elements styled by taskpane.html (no Fluent provider
 * exists at this point), so a person never faces a blank page.
 */
import type { JSX } from "react";
import { explainOutsideOutlook, type OutsideReason } from "../office/outside-outlook";

export function StartupMessage(props: { title: string; paragraphs: readonly string[] }): JSX.Element {
  return (
    <main className="startup-message" aria-labelledby="startup-message-title">
      <img className="startup-message__icon" src="assets/icon-64.png" alt="" width={48} height={48} />
      <h1 id="startup-message-title">{props.title}</h1>
      {props.paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </main>
  );
}

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
