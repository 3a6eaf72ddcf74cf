// Which endpoint of the model a test's request calls: its method, and its URL's path after the
// base URL matched against the endpoint's route, a placeholder segment filling a parameter.
import type { ModelEndpoint, SystemModel } from "../../model/model-types";
import { matchRoutePath } from "../../model/route-template";

/** `{{base_url}}/orders/{{id}}?x=1` → `/orders/{{id}}`; null when the URL names no path the model could know. */
export function requestPath(url: string): string | null {
  const trimmed = url.trim();
  let rest: string;
  const variable = /^\{\{\s*([A-Za-z_]\w*)\s*\}\}/.exec(trimmed);
  if (variable) {
    if (variable[1] !== "base_url" && !variable[1].endsWith("_url")) return null;
    rest = trimmed.slice(variable[0].length);
  } else if (/^https?:\/\//i.test(trimmed)) rest = trimmed.replace(/^https?:\/\/[^/?#]*/i, "");
  else if (trimmed.startsWith("/")) rest = trimmed;
  else return null;
  const path = rest.split(/[?#]/)[0];
  return path === "" ? "/" : path;
}

export function matchRequestEndpoint(model: SystemModel, method: string, url: string): ModelEndpoint | null {
  const path = requestPath(url);
  if (path === null) return null;
  const upper = method.toUpperCase();
  return model.endpoints.find((e) => e.method.toUpperCase() === upper && matchRoutePath(e.route, path) !== null) ?? null;
}
