// The few places where SQLite and PostgreSQL SQL differ, for the raw batched statements of
// the hot ingest path (Prisma's query builder is too slow there: see ENVIRONMENT.md).
import type { Dialect } from "./db";

export interface SqlDialect {
  readonly name: Dialect;
  /** Placeholder for the 1-based parameter `index`, cast where the driver needs a type. */
  param(index: number, type?: "json" | "bigint" | "int" | "bool" | "text"): string;
  /** Booleans as the column stores them. */
  bool(value: boolean): boolean | number;
  least(a: string, b: string): string;
  greatest(a: string, b: string): string;
  /** Most parameters one statement may carry. */
  readonly maxParams: number;
}

const sqlite: SqlDialect = {
  name: "sqlite",
  param: () => "?",
  bool: (value) => (value ? 1 : 0),
  // SQLite's two-argument min()/max() are scalar functions.
  least: (a, b) => `min(${a}, ${b})`,
  greatest: (a, b) => `max(${a}, ${b})`,
  // SQLITE_MAX_VARIABLE_NUMBER defaults to 32766 since SQLite 3.32.
  maxParams: 32_000,
};

const postgresql: SqlDialect = {
  name: "postgresql",
  // Untyped parameters of a multi-row VALUES list are text to PostgreSQL: cast them.
  param: (index, type) => {
    switch (type) {
      case "json":
        return `$${index}::jsonb`;
      case "bigint":
        return `$${index}::bigint`;
      case "int":
        return `$${index}::integer`;
      case "bool":
        return `$${index}::boolean`;
      default:
        return `$${index}`;
    }
  },
  bool: (value) => value,
  least: (a, b) => `LEAST(${a}, ${b})`,
  greatest: (a, b) => `GREATEST(${a}, ${b})`,
  // The wire protocol counts parameters in an int16.
  maxParams: 65_000,
};

export function sqlDialect(name: Dialect): SqlDialect {
  return name === "sqlite" ? sqlite : postgresql;
}

export type ColumnType = "json" | "bigint" | "int" | "bool" | "text";
