/**
 * A page-wide message where the pane cannot start. Plain elements styled by taskpane.html (no
 * Fluent provider exists at this point), so a person never faces a blank page.
 */
import type { JSX } from "react";

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
