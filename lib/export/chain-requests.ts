// Recorded journey calls → test requests in which a value an earlier response returned (an
// order id, a token) is not a literal but a reference to that response, so the test keeps
// working when the system hands out new ids: `{{post_api_v1_orders.body.id}}`.
import type { FlowprintRequest } from "./flowprint-test.schema";
import type { RecordedCall } from "./read-journey-calls";
import { stepId } from "./step-id";
import { variableName } from "./template-url";
import { identifyingValues, isIdentifying, type IdentifyingScalar as Scalar } from "../model/identifying-values";

export { isIdentifying };

export interface ChainedRequests {
  requests: FlowprintRequest[];
  variables: Record<string, string>;
}

const ROUTE_PARAM = /^(?::([A-Za-z_][\w-]*)\??|\{([A-Za-z_][\w-]*)\}|\*)$/;

export function chainRequests(calls: readonly RecordedCall[]): ChainedRequests {
  const variables: Record<string, string> = { base_url: calls[0]?.origin ?? "http://localhost:8080" };
  const originVariables = new Map<string, string>(calls[0] ? [[calls[0].origin, "base_url"]] : []);
  const produced: { id: string; path: string[]; value: Scalar }[] = [];
  const usedIds = new Set<string>();
  const requests: FlowprintRequest[] = [];

  // The latest response that returned a value is the one the request most plausibly used.
  const referenceTo = (value: unknown): string | null => {
    if (!isIdentifying(value)) return null;
    for (let i = produced.length - 1; i >= 0; i--) {
      const p = produced[i];
      if (p.value === value || String(p.value) === String(value)) return `{{${[p.id, "body", ...p.path].join(".")}}}`;
    }
    return null;
  };
  const chainDeep = (value: unknown): unknown => {
    const reference = referenceTo(value);
    // A number stays a number: a string that is one placeholder renders as the value itself.
    if (reference !== null) return reference;
    if (Array.isArray(value)) return value.map(chainDeep);
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, chainDeep(v)]));
    return value;
  };
  const declare = (name: string, value: string): string => {
    let unique = name;
    for (let n = 2; Object.hasOwn(variables, unique) && variables[unique] !== value; n++) unique = `${name}_${n}`;
    variables[unique] = value;
    return unique;
  };

  for (const call of calls) {
    let id = stepId(`${call.method} ${call.route ?? call.path}`);
    for (let n = 2; usedIds.has(id); n++) id = `${stepId(`${call.method} ${call.route ?? call.path}`)}_${n}`.slice(0, 64);
    usedIds.add(id);

    let origin = originVariables.get(call.origin);
    if (origin === undefined) {
      origin = declare(`${variableName(call.calleeService ?? new URL(call.origin).hostname)}_url`, call.origin);
      originVariables.set(call.origin, origin);
    }
    const routeParts = call.route?.split("/") ?? null;
    const pathParts = call.path.split("/");
    const aligned = routeParts !== null && routeParts.length === pathParts.length;
    const segments = pathParts.map((segment, i) => {
      const decoded = safeDecode(segment);
      const reference = referenceTo(decoded);
      if (reference !== null) return reference;
      const param = aligned ? ROUTE_PARAM.exec(routeParts[i]) : null;
      if (!param) return segment;
      return `{{${declare(variableName(param[1] ?? param[2] ?? `path_${i}`), decoded)}}}`;
    });
    const query = call.query
      ?.split("&")
      .map((pair) => {
        const [key, ...rest] = pair.split("=");
        const reference = rest.length > 0 ? referenceTo(safeDecode(rest.join("="))) : null;
        return reference !== null ? `${key}=${reference}` : pair;
      })
      .join("&");
    const headers = Object.fromEntries(Object.entries(call.headers).map(([name, value]) => [name, referenceTo(value) ?? value]));
    requests.push({
      id,
      name: `${call.method} ${call.route ?? call.path}`,
      method: call.method as FlowprintRequest["method"],
      url: `{{${origin}}}${segments.join("/")}${query ? `?${query}` : ""}`,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(call.requestBody !== undefined ? { body: chainDeep(call.requestBody) } : {}),
      ...(call.status !== null ? { expect: { status: call.status } } : {}),
    });
    // Reversed so that, searched from the end, a response's shallowest field wins (`body.id`
    // over `body.items.0.order_id`).
    for (const { path, value } of identifyingValues(call.responseBody).reverse()) produced.push({ id, path, value });
  }
  return { requests, variables };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
