/**
 * In place of Add, when another recipient (a guest, mailbox, group, mail user or contact)
 * already holds the sender's address: who it is, and what an administrator could do.
 */
import { MessageBarBody, Text } from "@fluentui/react-components";
import type { JSX } from "react";
import type { AddressHolder } from "../../contacts/directory-error";
import { strings } from "../strings";
import { UntitledMessageBar } from "./UntitledMessageBar";

export function AddressHolderNote({ holder }: { holder: AddressHolder }): JSX.Element {
  const text = strings.addressHolder;
  return (
    <section aria-label={text.regionLabel}>
      <UntitledMessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <Text block>
            {text.heldBy[holder.kind](holder.name)} {text.cannotAdd}
          </Text>
          <Text block>{strings.errors.addressHeldAdvice}</Text>
        </MessageBarBody>
      </UntitledMessageBar>
    </section>
  );
}
