// CSRF protection for requests authenticated by the session cookie: a state-changing request
// must come from a page of this instance. Browsers send Origin on every cross-origin request and
// on same-origin POST, PUT, PATCH and DELETE; Sec-Fetch-Site says the same where supported.
export interface OriginHeaders {
  method: string;
  origin: string | null;
  referer: string | null;
  secFetchSite: string | null;
  /** The Host header: where the browser sent the request. */
  host: string | null;
  /** FLOWPRINT_PUBLIC_URL's origin, when the dashboard is reached through a proxy under another name. */
  publicOrigin: string | null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** True when the request is safe to act on with the session cookie alone. */
export function isSameOriginRequest(h: OriginHeaders): boolean {
  if (SAFE_METHODS.has(h.method.toUpperCase())) return true;
  if (h.secFetchSite !== null) return h.secFetchSite === "same-origin";
  const source = h.origin && h.origin !== "null" ? h.origin : h.referer;
  if (!source) return false;
  const sourceHost = hostOf(source);
  if (sourceHost === null) return false;
  return sourceHost === h.host || (h.publicOrigin !== null && hostOf(h.publicOrigin) === sourceHost);
}
