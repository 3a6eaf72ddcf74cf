// Parsing of DATABASE_URL, shared by the client factory (db.ts), the migration runner
// (migrate.ts) and the scripts. Free of Prisma and driver imports so anything can use it.
import path from "node:path";

export type Dialect = "sqlite" | "postgresql";

export const DEFAULT_DATABASE_URL = "file:./data/flowprint.db";

/** DATABASE_URL, or the local SQLite file when it is unset or empty. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

export function dialectOf(url: string): Dialect {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) return "postgresql";
  throw new Error(
    `Unsupported database URL (expected file:... for SQLite or postgresql://... for PostgreSQL): ${redactUrl(url)}`,
  );
}

/**
 * The file a `file:` URL names, absolute. Relative paths are resolved against
 * process.cwd() (Prisma resolves them against the schema, which means nothing here), and a
 * `?query` suffix (Prisma's `file:./x.db?connection_limit=1`) is dropped.
 */
export function sqliteFilePath(url: string): string {
  let file = url.slice("file:".length);
  const query = file.indexOf("?");
  if (query >= 0) file = file.slice(0, query);
  // file:///abs/path and file://localhost/abs/path are absolute URLs; file:rel is relative.
  if (file.startsWith("//")) file = decodeURIComponent(new URL(url).pathname);
  if (file === "" || file === ":memory:") return ":memory:";
  // turbopackIgnore: the file is data chosen at run time, not a source file to trace into a build.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), file);
}

/** The URL with any password replaced, for logs and error messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, "//$1:***@");
}
