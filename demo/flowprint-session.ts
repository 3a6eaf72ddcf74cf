// With accounts on, the demo signs in as the administrator `npm start -- --demo` made
// (FLOWPRINT_DEMO_EMAIL, FLOWPRINT_DEMO_PASSWORD) to set up its workspace through the API.
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** A fetch carrying the session cookie and the dashboard's own Origin, as a page would. */
export async function signedInFetch(flowprintUrl: string, email: string, password: string): Promise<Fetch> {
  const origin = new URL(flowprintUrl).origin;
  const response = await fetch(`${flowprintUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`signing in to Flowprint as ${email} answered ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return (url, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set("cookie", cookie);
    headers.set("origin", origin);
    return fetch(url, { ...init, headers });
  };
}

/** Lets the demo's services send spans without a key to its workspace; says what it did. */
export async function allowKeylessIngest(flowprintUrl: string, workspace: string, fetchImpl: Fetch): Promise<string> {
  const response = await fetchImpl(`${flowprintUrl}/api/v1/workspaces/${encodeURIComponent(workspace)}/settings/telemetry`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ keyless_ingest: true }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`turning on keyless ingestion for workspace "${workspace}" answered ${response.status}`);
  return `workspace "${workspace}" takes the demo's spans without an ingest key`;
}
