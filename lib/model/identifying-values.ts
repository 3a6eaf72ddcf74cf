// Values that identify something (an order id, a token): what a later request can only have
// got from an earlier response. Shared by data-flow evidence in the model and by exported
// tests that chain one response into the next request.

export type IdentifyingScalar = string | number;

/**
 * Only values that identify something count: a later request that happens to contain `1`,
 * `true` or `"ok"` did not get it from an earlier response.
 */
export function isIdentifying(value: unknown): value is IdentifyingScalar {
  if (typeof value === "number") return Number.isInteger(value) && Math.abs(value) >= 100;
  if (typeof value !== "string" || /\s/.test(value)) return false;
  return (value.length >= 3 && /\d/.test(value)) || value.length >= 8;
}

/** Deep enough for real payloads; a hostile body cannot make the walk unbounded. */
const MAX_DEPTH = 16;

/** Every identifying scalar of a JSON value with the path to it, shallowest first. */
export function identifyingValues(body: unknown, prefix: string[] = []): { path: string[]; value: IdentifyingScalar }[] {
  if (isIdentifying(body)) return [{ path: prefix, value: body }];
  if (body === null || typeof body !== "object" || prefix.length >= MAX_DEPTH) return [];
  const entries = Array.isArray(body) ? body.map((v, i) => [String(i), v] as const) : Object.entries(body);
  const direct = entries.filter(([, v]) => isIdentifying(v)).map(([k, v]) => ({ path: [...prefix, k], value: v as IdentifyingScalar }));
  const nested = entries.filter(([, v]) => v !== null && typeof v === "object").flatMap(([k, v]) => identifyingValues(v, [...prefix, k]));
  return [...direct, ...nested];
}
