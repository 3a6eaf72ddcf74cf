// fetchJson keeps only the API's message; forms also need `issues`, which name the fields.
export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly issues: ApiIssue[],
  ) {
    super(message);
  }
}

export async function requestJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiRequestError(body?.error?.message ?? `Request failed with status ${response.status}`, response.status, Array.isArray(body?.error?.issues) ? body.error.issues : []);
  }
  return body as T;
}

export const jsonBody = (method: string, body: unknown): RequestInit => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
