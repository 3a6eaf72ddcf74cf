// Route templates as frameworks spell them: Express `:id` (and `:id?`), OpenAPI `{id}`,
// Next.js `[id]` / `[...slug]`, a bare `*`. The model reads them all as the same segments.

export type RouteSegment = { kind: "static"; text: string } | { kind: "param"; name: string };

const PARAM = /^(?::([A-Za-z_][\w-]*)\??|\{([A-Za-z_][\w-]*)\}|\[(?:\.\.\.)?([A-Za-z_][\w-]*)\]|\[\[\.\.\.([A-Za-z_][\w-]*)\]\]|\*)$/;

export function parseRouteTemplate(route: string): RouteSegment[] {
  const path = route.split("?")[0];
  return path
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment, index) => {
      const match = PARAM.exec(segment);
      if (!match) return { kind: "static", text: segment };
      return { kind: "param", name: match[1] ?? match[2] ?? match[3] ?? match[4] ?? `param${index}` };
    });
}

/** `/orders/:id` → `/orders/{id}`; a Next.js page route's trailing `index` is dropped. */
export function toOpenApiPath(route: string): string {
  const segments = parseRouteTemplate(route);
  const last = segments.at(-1);
  const trimmed = last?.kind === "static" && last.text === "index" && segments.length > 1 ? segments.slice(0, -1) : segments;
  return "/" + trimmed.map((s) => (s.kind === "param" ? `{${s.name}}` : s.text)).join("/");
}

/**
 * The concrete values of a recorded path for the route's parameters, or null when the two
 * do not line up (a route from one framework, a path rewritten by a proxy).
 */
export function matchRoutePath(route: string, path: string): Record<string, string> | null {
  const segments = parseRouteTemplate(route);
  const parts = path.split("?")[0].split("/").filter((p) => p !== "");
  // Next.js page routes end in `index`, which the recorded path does not carry.
  const aligned = segments.at(-1)?.kind === "static" && (segments.at(-1) as { text: string }).text === "index" && parts.length === segments.length - 1 ? segments.slice(0, -1) : segments;
  if (aligned.length !== parts.length) return null;
  const values: Record<string, string> = {};
  for (let i = 0; i < aligned.length; i++) {
    const segment = aligned[i];
    const part = safeDecode(parts[i]);
    if (segment.kind === "static") {
      if (segment.text !== part) return null;
    } else values[segment.name] = part;
  }
  return values;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
