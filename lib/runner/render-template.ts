// `{{name}}` placeholders in a test's url, headers and body: variables, and values from the
// responses of earlier requests (`{{create_order.body.id}}`, `{{create_order.status}}`,
// `{{create_order.headers.location}}`).

export type VariableValue = string | number | boolean;

export interface RecordedResponse {
  status: number;
  /** Lowercase names. */
  headers: Record<string, string>;
  /** Parsed JSON when the response said it was JSON, else its text. */
  body: unknown;
}

export interface TemplateScope {
  variables: Readonly<Record<string, VariableValue>>;
  /** Responses of the requests sent so far, by request id. */
  responses: ReadonlyMap<string, RecordedResponse>;
}

export type Lookup = { ok: true; value: unknown } | { ok: false; message: string };
export type Rendered<T> = { ok: true; value: T } | { ok: false; message: string };

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*([^{}]*?)\s*\}\}$/;

/** The expressions inside every placeholder of a value, however deep. */
export function placeholdersIn(value: unknown): string[] {
  if (typeof value === "string") return [...value.matchAll(PLACEHOLDER)].map((m) => m[1]);
  if (Array.isArray(value)) return value.flatMap(placeholdersIn);
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [...placeholdersIn(k), ...placeholdersIn(v)]);
  return [];
}

export type ResponseReference = { requestId: string; part: "status" } | { requestId: string; part: "body"; path: string[] } | { requestId: string; part: "headers"; name: string };

/** `create.body.items.0.id` → a reference into create's response; null when it is not shaped like one. */
export function parseResponseReference(expression: string): ResponseReference | { requestId: string; error: string } | null {
  const [requestId, part, ...rest] = expression.split(".");
  if (part === undefined) return null;
  if (part === "status" && rest.length === 0) return { requestId, part };
  if (part === "body") return { requestId, part, path: rest };
  if (part === "headers" && rest.length > 0) return { requestId, part, name: rest.join(".").toLowerCase() };
  return { requestId, error: `{{${expression}}}: a response value is ${requestId}.status, ${requestId}.body.<path> or ${requestId}.headers.<name>` };
}

function walk(body: unknown, path: readonly string[]): { found: true; value: unknown } | { found: false; at: string } {
  let value = body;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (Array.isArray(value) && /^\d+$/.test(key) && Number(key) < value.length) value = value[Number(key)];
    else if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.hasOwn(value, key)) value = (value as Record<string, unknown>)[key];
    else return { found: false, at: path.slice(0, i + 1).join(".") };
  }
  return { found: true, value };
}

export function lookup(expression: string, scope: TemplateScope): Lookup {
  // A variable whose name has dots in it still wins over a response reference.
  if (Object.hasOwn(scope.variables, expression)) return { ok: true, value: scope.variables[expression] };
  const reference = parseResponseReference(expression);
  const response = reference ? scope.responses.get(reference.requestId) : undefined;
  if (!reference || !response) return { ok: false, message: `unknown variable {{${expression}}}` };
  if ("error" in reference) return { ok: false, message: reference.error };
  if (reference.part === "status") return { ok: true, value: response.status };
  if (reference.part === "headers") {
    const header = response.headers[reference.name];
    return header === undefined ? { ok: false, message: `{{${expression}}}: the response of ${reference.requestId} has no ${reference.name} header` } : { ok: true, value: header };
  }
  const found = walk(response.body, reference.path);
  return found.found ? { ok: true, value: found.value } : { ok: false, message: `{{${expression}}}: the response body of ${reference.requestId} has no ${found.at}` };
}

function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  return JSON.stringify(value) ?? "";
}

// A value that is itself a URL or an absolute path (`{{base_url}}`, a Location header) is a
// piece of URL, not a segment to escape.
const URL_PIECE = /^(?:\/|[a-z][a-z0-9+.-]*:\/\/)/i;

/**
 * Fills a string's placeholders. A string that is one placeholder and nothing else becomes the
 * value itself, so `quantity: "{{qty}}"` stays a number. `encode` escapes values inserted into
 * a URL as path segments or query values (`/orders/{{id}}` with id `o/1` → `/orders/o%2F1`,
 * the way it was recorded); the origin at the start and URL pieces go in as they are.
 */
export function renderString(template: string, scope: TemplateScope, options: { encode?: boolean } = {}): Rendered<unknown> {
  const whole = WHOLE_PLACEHOLDER.exec(template);
  if (whole) {
    const found = lookup(whole[1], scope);
    if (!found.ok) return found;
    return { ok: true, value: options.encode ? asText(found.value) : found.value };
  }
  let problem: string | null = null;
  const value = template.replace(PLACEHOLDER, (match, expression: string, offset: number) => {
    const found = lookup(expression, scope);
    if (!found.ok) {
      problem ??= found.message;
      return match;
    }
    const text = asText(found.value);
    return options.encode && offset > 0 && !URL_PIECE.test(text) ? encodeURIComponent(text) : text;
  });
  return problem === null ? { ok: true, value } : { ok: false, message: problem };
}

/** Fills placeholders in every string of a JSON-like value, keys included. */
export function renderDeep(value: unknown, scope: TemplateScope): Rendered<unknown> {
  if (typeof value === "string") return renderString(value, scope);
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const rendered = renderDeep(item, scope);
      if (!rendered.ok) return rendered;
      items.push(rendered.value);
    }
    return { ok: true, value: items };
  }
  if (value !== null && typeof value === "object") {
    const entries: [string, unknown][] = [];
    for (const [key, item] of Object.entries(value)) {
      const renderedKey = renderString(key, scope);
      if (!renderedKey.ok) return renderedKey;
      const rendered = renderDeep(item, scope);
      if (!rendered.ok) return rendered;
      entries.push([asText(renderedKey.value), rendered.value]);
    }
    return { ok: true, value: Object.fromEntries(entries) };
  }
  return { ok: true, value };
}
