// The API speaks snake_case; domain objects are camelCase. One conversion at the edge instead of
// a hand-written view per shape for the larger summaries.

export function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/**
 * `verbatim` names keys whose values are user data (recorded bodies, JSON Schemas of them):
 * their own keys are the system's field names and stay as they are.
 */
export function snakeCaseKeys(value: unknown, verbatim: ReadonlySet<string> = NONE): unknown {
  if (Array.isArray(value)) return value.map((v) => snakeCaseKeys(v, verbatim));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [snakeCase(key), verbatim.has(key) ? v : snakeCaseKeys(v, verbatim)]));
}

const NONE: ReadonlySet<string> = new Set();

type SnakeCaseKey<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCaseKey<Tail>}`
  : S;

/** The type snakeCaseKeys returns for a camelCase domain type (keys without runs of capitals). */
export type SnakeCased<T> = T extends readonly (infer Item)[]
  ? SnakeCased<Item>[]
  : T extends object
    ? { [K in keyof T as K extends string ? SnakeCaseKey<K> : K]: SnakeCased<T[K]> }
    : T;
