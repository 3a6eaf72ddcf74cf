// Turns a recorded request path into a URL template with variables: the route names the
// parameters (`/orders/:id`, `/orders/{id}`, `/files/*`), the recorded path gives their values.

export interface UrlTemplate {
  /** `{{base_url}}/orders/{{id}}`. */
  url: string;
  /** Parameter name -> value recorded in the trace. */
  variables: Record<string, string>;
}

const PARAM = /^(?::([A-Za-z_][\w-]*)\??|\{([A-Za-z_][\w-]*)\}|\*)$/;

/** A safe variable name from a route parameter (`order-id` -> `order_id`). */
export function variableName(param: string): string {
  const name = param.replace(/[^A-Za-z0-9_]/g, "_").replace(/^(\d)/, "_$1").toLowerCase();
  return name === "base_url" ? "base_url_param" : name;
}

export function templateUrl(route: string, path: string | null, query: string | null): UrlTemplate {
  const routeParts = route.split("/");
  const pathParts = path?.split("/") ?? null;
  const variables: Record<string, string> = {};
  // Only a path with the route's shape gives parameter values; otherwise the route is kept.
  const aligned = pathParts !== null && pathParts.length === routeParts.length;
  const parts = routeParts.map((part, i) => {
    const match = PARAM.exec(part);
    if (!match) return aligned ? pathParts![i] : part;
    const name = variableName(match[1] ?? match[2] ?? `path_${i}`);
    // Without a recorded path the value is unknown: the variable is still declared, empty.
    variables[name] = aligned ? decodeURIComponent(pathParts![i]) : "";
    return `{{${name}}}`;
  });
  const url = `{{base_url}}${parts.join("/")}${query ? `?${query}` : ""}`;
  return { url, variables };
}
