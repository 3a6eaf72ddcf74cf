// Test helper speaking HTTP like a page of the dashboard.
export const PASSWORD = "correct horse battery";

/** A browser's view of the app: the session cookie it was given, and its own Origin on writes. */
export class Client {
  private cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  async fetch(pathname: string, init: RequestInit & { json?: unknown; origin?: string | null } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const method = init.method ?? (init.json !== undefined ? "POST" : "GET");
    if (method !== "GET" && init.origin !== null) headers.set("origin", init.origin ?? this.baseUrl);
    if (init.json !== undefined) headers.set("content-type", "application/json");
    const response = await fetch(`${this.baseUrl}${pathname}`, { ...init, method, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair.split("=");
      if (/max-age=0/i.test(cookie) || value.join("=") === "") this.cookies.delete(name);
      else this.cookies.set(name, value.join("="));
    }
    return response;
  }

  signIn(email: string, password = PASSWORD) {
    return this.fetch("/api/auth/sign-in/email", { json: { email, password } });
  }
}

