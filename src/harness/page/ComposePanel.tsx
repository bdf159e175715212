/**
 * A message form the pane opened (displayNewMessageForm, displayReplyForm), as Outlook shows
 * one: To, Subject and the body, editable, with Send and Discard. Nothing is sent until Send.
 */
import { Button, Field, Input, makeStyles, Text, Textarea, tokens } from "@fluentui/react-components";
import { Send20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import type { StandInCompose } from "../bridge-protocol";
import { htmlToText } from "./sent-mail";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minHeight: 0,
    overflowY: "auto",
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  body: { flexGrow: 1, "& textarea": { minHeight: "16rem", fontFamily: tokens.fontFamilyMonospace } },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface ComposePanelProps {
  compose: StandInCompose;
  from: string;
  onSend(mail: { to: string[]; subject: string; body: string }): void;
  onDiscard(): void;
}

export function ComposePanel({ compose, from, onSend, onDiscard }: ComposePanelProps) {
  const styles = useStyles();
  const [to, setTo] = useState(compose.to.join("; "));
  const [subject, setSubject] = useState(compose.subject);
  const [body, setBody] = useState(() => htmlToText(compose.htmlBody));
  const recipients = to
    .split(/[;,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  return (
    <section className={styles.root} aria-label={compose.kind === "reply" ? "Reply" : "New message"}>
      <Text as="h2" size={500} weight="semibold">
        {compose.kind === "reply" ? "Reply" : "New message"}
      </Text>
      <Text size={200}>From: {from}</Text>
      <Field label="To">
        <Input value={to} onChange={(_, data) => setTo(data.value)} />
      </Field>
      <Field label="Subject">
        <Input value={subject} onChange={(_, data) => setSubject(data.value)} />
      </Field>
      <Field label="Message" className={styles.body}>
        <Textarea value={body} resize="vertical" onChange={(_, data) => setBody(data.value)} />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<Send20Regular />}
          disabled={recipients.length === 0}
          onClick={() => onSend({ to: recipients, subject, body })}
        >
          Send
        </Button>
        <Button onClick={onDiscard}>Discard</Button>
      </div>
    </section>
  );
}
