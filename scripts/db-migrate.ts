// npm run db:migrate: applies pending migrations to DATABASE_URL (default: the local SQLite
// file) and says which. The app's start-up runs the same applyMigrations.
import { databaseUrl, redactUrl } from "../lib/store/database-url";
import { applyMigrations } from "../lib/store/migrate";

const url = databaseUrl();
try {
  const { applied } = await applyMigrations(url);
  if (applied.length === 0) console.log(`${redactUrl(url)}: up to date, no migration applied.`);
  else console.log(`${redactUrl(url)}: applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join("\n")}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
