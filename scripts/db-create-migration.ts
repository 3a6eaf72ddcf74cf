// npm run db:migration:create -- <name>
// Writes prisma/migrations/{sqlite,postgresql}/<timestamp>_<name>/migration.sql: the SQL
// that takes a database built by the existing migrations to the current schema. Prisma's
// WASM schema engine replays the migrations on a shadow database (SQLite in memory,
// PostgreSQL a scratch database on TEST_DATABASE_URL/DATABASE_URL's server, dropped after)
// and diffs it against the rendered schema. `prisma migrate dev` cannot run here: the CLI
// needs a native engine it cannot download.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { dialectOf, redactUrl, type Dialect } from "../lib/store/database-url";
import { MIGRATION_LOCK_FILE, migrationLockContent } from "../lib/store/migrations-folder";
import { diffMigrationsToSchema, openSchemaEngine } from "../lib/store/schema-engine";
import { DIALECTS, migrationsDir, renderSchemas, renderedSchemaPath } from "./render-schemas";

const DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** A PostgreSQL server to host the shadow database; only its server matters, not its database. */
function postgresServerUrl(): string {
  for (const candidate of [process.env.TEST_DATABASE_URL, process.env.DATABASE_URL]) {
    if (candidate && dialectOf(candidate) === "postgresql") return candidate;
  }
  return DEFAULT_POSTGRES_URL;
}

/** Prisma's folder name: UTC `YYYYMMDDHHMMSS_` plus the name with anything odd made `_`. */
function migrationFolderName(name: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `${stamp}_${name.replace(/[^A-Za-z0-9_]+/g, "_")}`;
}

async function pendingSql(dialect: Dialect): Promise<string> {
  const file = renderedSchemaPath(dialect);
  const schema = { path: file, content: await readFile(file, "utf8") };
  // The engine's own connection is unused by this diff; SQLite needs no file for it.
  const url = dialect === "sqlite" ? "file::memory:" : postgresServerUrl();
  const handle = await openSchemaEngine(url, { schema });
  try {
    return await diffMigrationsToSchema(handle, migrationsDir(dialect), schema);
  } catch (error) {
    const where = dialect === "postgresql" ? ` (shadow database on ${redactUrl(url)})` : "";
    throw new Error(`Diffing the ${dialect} migrations against the schema failed${where}`, { cause: error });
  } finally {
    await handle.close();
  }
}

async function main(): Promise<void> {
  const name = process.argv[2]?.trim();
  if (!name) {
    console.error("Usage: npm run db:migration:create -- <name>");
    process.exit(2);
  }
  await renderSchemas();
  const scripts = {} as Record<Dialect, string>;
  for (const dialect of DIALECTS) scripts[dialect] = await pendingSql(dialect);
  if (DIALECTS.every((dialect) => scripts[dialect] === "")) {
    console.log("The migrations already match prisma/schema.prisma: nothing to create.");
    return;
  }
  // One name for both providers, so the two histories stay in step.
  const folder = migrationFolderName(name, new Date());
  for (const dialect of DIALECTS) {
    const dir = migrationsDir(dialect);
    await mkdir(path.join(dir, folder), { recursive: true });
    await writeFile(path.join(dir, MIGRATION_LOCK_FILE), migrationLockContent(dialect));
    // Written even when one provider has no change, so both folders list the same names.
    const script = scripts[dialect] === "" ? "-- This is an empty migration." : scripts[dialect];
    const file = path.join(dir, folder, "migration.sql");
    await writeFile(file, `${script}\n`);
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
