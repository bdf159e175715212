/**
 * Reads manifest.xml and manifest.json back into the same terms (manifest.data.ts's), so a
 * test can hold both to one list: id, version, names and descriptions (English and German),
 * every URL, the permission, the Mailbox requirement sets and which of them pins the pane.
 */
import { childElements, elementsOf, parseManifest } from "./manifest-structure";

export interface ManifestFacts {
  id: string;
  /** Four parts, as XML writes it (the unified manifest's three plus ".0"). */
  version: string;
  name: { en: string; de: string };
  description: { en: string; de: string };
  buttonLabel: { en: string; de: string };
  tooltip: { en: string; de: string };
  /** Every absolute URL the manifest names, sorted, without duplicates. */
  urls: string[];
  permission: string;
  /** Mailbox minimum versions, sorted: the add-in's own and each button's. */
  mailbox: string[];
  /** The Mailbox version of the buttons whose pane can be pinned. */
  pinnableFrom: string[];
  multiselect: boolean;
}

const URL_PATTERN = /https:\/\/[^"'<>\s]+/g;
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
const byVersion = (values: Iterable<string>) =>
  [...new Set(values)].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));

export function xmlFacts(xml: string): ManifestFacts {
  const { document, errors } = parseManifest(xml);
  if (errors.length > 0) throw new Error(`manifest.xml is not well-formed: ${errors.join("; ")}`);
  const root = document.documentElement;
  const all = elementsOf(root);
  const top = (name: string) => childElements(root).find((child) => child.localName === name);
  const german = (element: Element | undefined) =>
    childElements(element ?? root)
      .find((child) => child.localName === "Override" && child.getAttribute("Locale") === "de-DE")
      ?.getAttribute("Value") ?? "";
  const localized = (element: Element | undefined) => ({
    en: element?.getAttribute("DefaultValue") ?? "",
    de: german(element),
  });
  const resource = (id: string) =>
    all.find((element) => element.localName === "String" && element.getAttribute("id") === id);
  const versionOverrides = all.filter((element) => element.localName === "VersionOverrides");
  const setsOf = (element: Element) =>
    childElements(element)
      .find((child) => child.localName === "Requirements")
      ?.getElementsByTagNameNS("*", "Sets")[0]
      ?.getAttribute("DefaultMinVersion") ?? "";
  return {
    id: top("Id")?.textContent?.trim() ?? "",
    version: top("Version")?.textContent?.trim() ?? "",
    name: localized(top("DisplayName")),
    description: localized(top("Description")),
    buttonLabel: localized(resource("TaskpaneButton.Label")),
    tooltip: localized(resource("TaskpaneButton.Tooltip")),
    urls: sorted(xml.replace(/<!--[\s\S]*?-->/g, "").match(URL_PATTERN) ?? []).filter(
      (url) => !url.startsWith("https://schemas."),
    ),
    permission: top("Permissions")?.textContent?.trim() ?? "",
    mailbox: byVersion([
      top("Requirements")?.getElementsByTagNameNS("*", "Set")[0]?.getAttribute("MinVersion") ?? "",
      ...versionOverrides.map(setsOf),
    ]),
    pinnableFrom: byVersion(
      versionOverrides
        .filter((element) =>
          elementsOf(element).some(
            (child) =>
              child.localName === "SupportsPinning" &&
              child.textContent?.trim() === "true" &&
              nearestVersionOverrides(child) === element,
          ),
        )
        .map(setsOf),
    ),
    multiselect: all.some(
      (element) => element.localName === "SupportsMultiSelect" && element.textContent?.trim() === "true",
    ),
  };
}

function nearestVersionOverrides(element: Element): Element | null {
  for (let parent = element.parentNode; parent; parent = parent.parentNode) {
    if (parent.nodeType === 1 && (parent as Element).localName === "VersionOverrides")
      return parent as Element;
  }
  return null;
}

interface UnifiedCapability {
  name: string;
  minVersion?: string;
}
interface UnifiedManifest {
  id: string;
  version: string;
  name: { short: string };
  description: { full: string };
  authorization?: { permissions?: { resourceSpecific?: { name: string }[] } };
  extensions: {
    requirements?: { capabilities?: UnifiedCapability[] };
    runtimes: {
      requirements?: { capabilities?: UnifiedCapability[] };
      actions: { id: string; pinnable?: boolean; multiselect?: boolean }[];
    }[];
    ribbons: {
      tabs: { groups: { controls: { label: string; supertip: { description: string } }[] }[] }[];
    }[];
  }[];
}

/** `localization` is the German file (manifest.de-de.json): flat "path.to[0].field" keys. */
export function unifiedFacts(json: string, localization: string): ManifestFacts {
  const manifest = JSON.parse(json) as UnifiedManifest;
  const german = JSON.parse(localization) as Record<string, string>;
  const extension = manifest.extensions[0];
  if (!extension) throw new Error("manifest.json has no extension");
  const control = extension.ribbons[0]?.tabs[0]?.groups[0]?.controls[0];
  const mailboxOf = (capabilities: UnifiedCapability[] | undefined) =>
    capabilities?.find((capability) => capability.name === "Mailbox")?.minVersion ?? "";
  const controlKey = "extensions[0].ribbons[0].tabs[0].groups[0].controls[0]";
  return {
    id: manifest.id,
    version: `${manifest.version}.0`,
    name: { en: manifest.name.short, de: german["name.short"] ?? "" },
    description: { en: manifest.description.full, de: german["description.full"] ?? "" },
    buttonLabel: { en: control?.label ?? "", de: german[`${controlKey}.label`] ?? "" },
    tooltip: {
      en: control?.supertip.description ?? "",
      de: german[`${controlKey}.supertip.description`] ?? "",
    },
    urls: sorted(json.match(URL_PATTERN) ?? []).filter(
      (url) => !url.startsWith("https://developer.microsoft.com/json-schemas/"),
    ),
    permission: (manifest.authorization?.permissions?.resourceSpecific ?? []).map((p) => p.name).join(","),
    mailbox: byVersion([
      mailboxOf(extension.requirements?.capabilities),
      ...extension.runtimes.map((runtime) => mailboxOf(runtime.requirements?.capabilities)),
    ]),
    pinnableFrom: byVersion(
      extension.runtimes
        .filter((runtime) => runtime.actions.some((action) => action.pinnable === true))
        .map((runtime) => mailboxOf(runtime.requirements?.capabilities)),
    ),
    multiselect: extension.runtimes.some((runtime) => runtime.actions.some((action) => action.multiselect)),
  };
}
