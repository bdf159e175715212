/**
 * The manifests (manifest.xml, manifest.json) name every URL as https://localhost:3000 (the dev server). A production
 * build points them at the server that hosts the add-in: every occurrence of the dev
 * origin is replaced by the public base URL, which must be https (Outlook refuses
 * anything else) and carry no query, fragment or credentials.
 */
import { DEV_ORIGIN } from "../manifest.data";

export { DEV_ORIGIN };

export class PublicUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PublicUrlError";
  }
}

/** "https://addin.contoso.com/" → "https://addin.contoso.com"; a path prefix is kept ("https://contoso.com/gal"). */
export function parsePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new PublicUrlError(`ADDIN_PUBLIC_URL is not a URL: "${value}".`);
  }
  if (url.protocol !== "https:") {
    throw new PublicUrlError(
      `ADDIN_PUBLIC_URL must be https (Outlook loads add-ins over https only), got ${url.protocol}`,
    );
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new PublicUrlError("ADDIN_PUBLIC_URL must not contain a query, a fragment or credentials.");
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** Replaces the dev origin everywhere; refuses a manifest that does not use it (nothing would change). */
export function rewriteManifestUrls(manifest: string, publicUrl: string): string {
  const base = parsePublicUrl(publicUrl);
  if (!manifest.includes(DEV_ORIGIN))
    throw new PublicUrlError(`The manifest has no ${DEV_ORIGIN} URLs to rewrite.`);
  return manifest.split(DEV_ORIGIN).join(base);
}
