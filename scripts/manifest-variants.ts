/**
 * The opt-in multi-select variant (ADDIN_MULTISELECT=on → dist/manifest.multiselect.xml and
 * .json). Item multi-select needs ReadWriteMailbox, which lets the add-in read and change
 * every item in the mailbox and needs an admin's consent; the default manifests keep
 * ReadItem, which is all the single-message pane uses (docs/platform.md, "Permissions").
 */
import { ADDIN, MULTISELECT } from "../manifest.data";

function replaceExactlyOnce(text: string, from: string, to: string, what: string): string {
  const parts = text.split(from);
  if (parts.length !== 2)
    throw new Error(`The manifest has ${parts.length - 1} ${what}; expected exactly one.`);
  return parts.join(to);
}

export function multiselectXml(xml: string): string {
  const permission = replaceExactlyOnce(
    xml,
    `<Permissions>${ADDIN.permission.xml}</Permissions>`,
    `<Permissions>${MULTISELECT.permission.xml}</Permissions>`,
    "<Permissions> element",
  );
  // The pinnable pane's action (VersionOverrides 1.1) gains the flag and, as Microsoft's
  // item multi-select guide has it, needs Mailbox 1.13: older clients (and Outlook mobile,
  // at 1.5) fall back to the plain button of VersionOverrides 1.0.
  const flagged = replaceExactlyOnce(
    permission,
    "<SupportsPinning>true</SupportsPinning>",
    "<SupportsPinning>true</SupportsPinning>\n                      <SupportsMultiSelect>true</SupportsMultiSelect>",
    "pinnable pane",
  );
  return replaceExactlyOnce(
    flagged,
    `<bt:Sets DefaultMinVersion="${ADDIN.mailbox.pinnable}">`,
    `<bt:Sets DefaultMinVersion="${MULTISELECT.mailbox}">`,
    "pinnable VersionOverrides",
  );
}

interface Requirements {
  capabilities: { name: string; minVersion?: string }[];
}

export function multiselectJson(json: string): string {
  const manifest = JSON.parse(json) as {
    authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
    extensions: {
      runtimes: { requirements: Requirements; actions: { pinnable?: boolean; multiselect?: boolean }[] }[];
      ribbons: { requirements: Requirements }[];
    }[];
  };
  const permissions = manifest.authorization.permissions.resourceSpecific;
  const read = permissions.find((permission) => permission.name === ADDIN.permission.unified);
  if (!read) throw new Error(`manifest.json does not ask for ${ADDIN.permission.unified}.`);
  read.name = MULTISELECT.permission.unified;
  const raise = (requirements: Requirements) => {
    for (const capability of requirements.capabilities) {
      if (capability.name === "Mailbox" && capability.minVersion === ADDIN.mailbox.pinnable)
        capability.minVersion = MULTISELECT.mailbox;
    }
  };
  const extension = manifest.extensions[0];
  for (const runtime of extension?.runtimes ?? []) {
    if (!runtime.actions.some((action) => action.pinnable)) continue;
    for (const action of runtime.actions) action.multiselect = true;
    raise(runtime.requirements);
  }
  for (const ribbon of extension?.ribbons ?? []) raise(ribbon.requirements);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
