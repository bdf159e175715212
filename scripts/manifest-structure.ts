/**
 * The project's own structural checks of manifest.xml, beyond what the converter and the
 * JSON schema see: element order where the XML schema fixes it, every resid resolving to a
 * resource of the right kind in its own VersionOverrides, no unused resources, every URL
 * https on the add-in's origin and pointing at a file the build emits, a pinnable pane for
 * Mailbox 1.5 clients. Returns the problems found, in words; [] means fine.
 */
import { DOMParser } from "@xmldom/xmldom";

export interface ManifestCheckOptions {
  /** The base URL every manifest URL must start with, e.g. https://localhost:3000. */
  origin: string;
  /** Paths (relative to dist/, with "/" separators) the build emits. */
  emittedPaths: ReadonlySet<string>;
  /** The permission the manifest must ask for: ReadItem, or the multi-select variant's ReadWriteMailbox. */
  permission?: string;
}

export interface IconReference {
  /** The size the manifest declares for this image in px, times its scale (Outlook mobile). */
  size: number;
  url: string;
  where: string;
}

const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** Child sequences the add-in-only manifest schema fixes (subset we use), by parent. */
const SEQUENCES: Record<string, readonly string[]> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "FormSettings",
    "Permissions",
    "Rule",
    "DisableEntityHighlighting",
    "VersionOverrides",
  ],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "VersionOverrides"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
  Control: ["Label", "Supertip", "Icon", "Action"],
  Action: ["TaskpaneId", "SourceLocation", "Title", "SupportsPinning", "SupportsMultiSelect"],
  Supertip: ["Title", "Description"],
};

/** Which resource collection a resid on each element must resolve to. */
const RESOURCE_KIND_BY_ELEMENT: Record<string, string> = {
  Image: "Images",
  SourceLocation: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

export function parseManifest(xml: string): { document: Document; errors: string[] } {
  const errors: string[] = [];
  const document = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: (message) => errors.push(String(message)),
      fatalError: (message) => errors.push(String(message)),
    },
  }).parseFromString(xml, "text/xml") as unknown as Document;
  return { document, errors };
}

export function elementsOf(node: Node): Element[] {
  const result: Element[] = [];
  const walk = (current: Node) => {
    for (let child = current.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) {
        result.push(child as Element);
        walk(child);
      }
    }
  };
  walk(node);
  return result;
}

export function childElements(element: Element): Element[] {
  const result: Element[] = [];
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) result.push(child as Element);
  }
  return result;
}

function nearestAncestor(element: Element, localName: string): Element | null {
  for (let parent = element.parentNode; parent; parent = parent.parentNode) {
    if (parent.nodeType === 1 && (parent as Element).localName === localName) return parent as Element;
  }
  return null;
}

function describe(element: Element): string {
  const path: string[] = [];
  for (let current: Node | null = element; current && current.nodeType === 1; current = current.parentNode) {
    const el = current as Element;
    const type = el.getAttributeNS(XSI, "type");
    const id = el.getAttribute("id");
    path.unshift(`${el.localName}${type ? `[${type}]` : ""}${id ? `#${id}` : ""}`);
  }
  return path.join(" > ");
}

function checkOrder(element: Element, problems: string[]): void {
  const sequence = SEQUENCES[element.localName];
  if (!sequence) return;
  let position = -1;
  for (const child of childElements(element)) {
    const index = sequence.indexOf(child.localName);
    if (index === -1) continue;
    if (index < position) {
      problems.push(`${describe(child)} is out of order: the schema wants ${sequence.join(", ")}.`);
    }
    position = Math.max(position, index);
  }
}

/** Resources declared directly in one VersionOverrides element: id → collection. */
function resourcesOf(versionOverrides: Element, problems: string[]): Map<string, string> {
  const resources = new Map<string, string>();
  const container = childElements(versionOverrides).find((child) => child.localName === "Resources");
  if (!container) return resources;
  for (const collection of childElements(container)) {
    for (const item of childElements(collection)) {
      const id = item.getAttribute("id") ?? "";
      if (resources.has(id))
        problems.push(`Resource "${id}" is defined twice in ${describe(versionOverrides)}.`);
      resources.set(id, collection.localName);
    }
  }
  return resources;
}

function resourceUrl(versionOverrides: Element, resid: string): string | null {
  for (const element of elementsOf(versionOverrides)) {
    if (
      element.getAttribute("id") === resid &&
      nearestAncestor(element, "VersionOverrides") === versionOverrides
    ) {
      return element.getAttribute("DefaultValue");
    }
  }
  return null;
}

function checkUrl(url: string, where: string, options: ManifestCheckOptions, problems: string[]): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    problems.push(`${where}: "${url}" is not a URL.`);
    return;
  }
  if (parsed.protocol !== "https:") {
    problems.push(`${where}: ${url} is not https.`);
    return;
  }
  const base = options.origin.replace(/\/+$/, "");
  if (!url.startsWith(`${base}/`)) {
    problems.push(`${where}: ${url} is not on the add-in's origin ${base}.`);
    return;
  }
  const relative = decodeURIComponent(url.slice(base.length + 1).split(/[?#]/)[0] ?? "");
  if (!options.emittedPaths.has(relative)) {
    problems.push(`${where}: ${url} points at "${relative}", which the build does not emit.`);
  }
}

export function checkManifestStructure(xml: string, options: ManifestCheckOptions): string[] {
  const problems: string[] = [];
  const { document, errors } = parseManifest(xml);
  if (errors.length > 0) return errors.map((error) => `The manifest is not well-formed XML: ${error}`);
  const root = document.documentElement;
  if (!root || root.localName !== "OfficeApp" || root.getAttributeNS(XSI, "type") !== "MailApp") {
    return ['The root element must be <OfficeApp xsi:type="MailApp">.'];
  }
  const all = [root, ...elementsOf(root)];
  const topLevel = (name: string) => childElements(root).find((child) => child.localName === name);

  if (!GUID.test(topLevel("Id")?.textContent?.trim() ?? "")) problems.push("<Id> must be a GUID.");
  if (topLevel("DisplayName")?.getAttribute("DefaultValue") !== "GAL Contact") {
    problems.push('<DisplayName DefaultValue> must be "GAL Contact".');
  }
  const permission = options.permission ?? "ReadItem";
  if (topLevel("Permissions")?.textContent?.trim() !== permission)
    problems.push(`<Permissions> must be ${permission}.`);

  for (const element of all) checkOrder(element, problems);

  // resids resolve within their own VersionOverrides (a nested one inherits nothing), to the right kind.
  for (const versionOverrides of all.filter((element) => element.localName === "VersionOverrides")) {
    const resources = resourcesOf(versionOverrides, problems);
    const used = new Set<string>();
    for (const element of elementsOf(versionOverrides)) {
      const resid = element.hasAttribute("resid") ? element.getAttribute("resid") : null;
      if (resid === null || nearestAncestor(element, "VersionOverrides") !== versionOverrides) continue;
      used.add(resid);
      const kind = resources.get(resid);
      const expected = RESOURCE_KIND_BY_ELEMENT[element.localName];
      if (!kind)
        problems.push(`${describe(element)}: resid "${resid}" is not defined in its VersionOverrides.`);
      else if (expected && kind !== expected) {
        problems.push(`${describe(element)}: resid "${resid}" is in ${kind}, expected ${expected}.`);
      }
    }
    for (const id of resources.keys()) {
      if (!used.has(id)) problems.push(`Resource "${id}" in ${describe(versionOverrides)} is never used.`);
    }
  }

  // Every URL, wherever it appears (attributes and text).
  for (const element of all) {
    for (let index = 0; index < element.attributes.length; index += 1) {
      const attribute = element.attributes.item(index);
      if (attribute && URL_LIKE.test(attribute.value) && !attribute.name.startsWith("xmlns")) {
        checkUrl(attribute.value, `${describe(element)} @${attribute.name}`, options, problems);
      }
    }
    const text = childElements(element).length === 0 ? (element.textContent ?? "").trim() : "";
    if (URL_LIKE.test(text)) checkUrl(text, describe(element), options, problems);
  }

  // Mailbox 1.5 clients get a pinnable pane (ItemChanged follows the selection).
  const overrides11 = all.filter((element) => element.getAttributeNS(XSI, "type") === "VersionOverridesV1_1");
  if (overrides11.length === 0)
    problems.push("There is no VersionOverridesV1_1 (needed for a pinnable pane).");
  for (const versionOverrides of overrides11) {
    const sets = elementsOf(versionOverrides).find((element) => element.localName === "Sets");
    const minimum = sets?.getAttribute("DefaultMinVersion") ?? "";
    const minor = Number(minimum.split(".")[1] ?? "0");
    if (!minimum.startsWith("1.") || minor < 5) {
      problems.push(
        `${describe(versionOverrides)} must require Mailbox 1.5 or later (pinning, ItemChanged).`,
      );
    }
    const actions = elementsOf(versionOverrides).filter(
      (element) => element.localName === "Action" && element.getAttributeNS(XSI, "type") === "ShowTaskpane",
    );
    if (actions.length === 0) problems.push(`${describe(versionOverrides)} has no ShowTaskpane action.`);
    for (const action of actions) {
      // Outlook mobile has no pinning; only the desktop button's pane follows the selection.
      if (nearestAncestor(action, "MobileFormFactor")) continue;
      const pinning = childElements(action).find((child) => child.localName === "SupportsPinning");
      if (pinning?.textContent?.trim() !== "true")
        problems.push(`${describe(action)} must set SupportsPinning true.`);
    }
  }
  return problems;
}

/** Every image the manifest uses with the px size it declares for it (button icons, mobile icons × scale, IconUrl 64, HighResolutionIconUrl 128). */
export function iconReferences(xml: string): IconReference[] {
  const { document } = parseManifest(xml);
  const root = document.documentElement;
  const references: IconReference[] = [];
  const top = (name: string) => childElements(root).find((child) => child.localName === name);
  const iconUrl = top("IconUrl")?.getAttribute("DefaultValue");
  if (iconUrl) references.push({ size: 64, url: iconUrl, where: "IconUrl" });
  const highResolution = top("HighResolutionIconUrl")?.getAttribute("DefaultValue");
  if (highResolution) references.push({ size: 128, url: highResolution, where: "HighResolutionIconUrl" });
  for (const image of elementsOf(root)) {
    const resid = image.getAttribute("resid");
    if (image.localName !== "Image" || !resid || nearestAncestor(image, "Icon") === null) continue;
    const versionOverrides = nearestAncestor(image, "VersionOverrides");
    const url = versionOverrides ? resourceUrl(versionOverrides, resid) : null;
    const size = Number(image.getAttribute("size")) * Number(image.getAttribute("scale") || "1");
    if (url) references.push({ size, url, where: describe(image) });
  }
  return references;
}
