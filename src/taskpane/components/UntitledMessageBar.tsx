/**
 * A Fluent MessageBar with no MessageBarTitle. MessageBar always points aria-labelledby at
 * its title's id; without a title that id is in no page (an invalid reference, axe's
 * aria-valid-attr-value), so the reference is dropped and the bar is read by its text.
 */
import { MessageBar, type MessageBarProps } from "@fluentui/react-components";
import type { JSX } from "react";

export function UntitledMessageBar(props: Omit<MessageBarProps, "aria-labelledby">): JSX.Element {
  return <MessageBar {...props} aria-labelledby={undefined} />;
}
