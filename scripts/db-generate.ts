// npm run db:generate (also the postinstall step): renders prisma/schema.prisma per provider
// and generates a Prisma client for each into lib/store/generated/<provider>.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { DIALECTS, renderSchemas } from "./render-schemas";

const root = path.resolve(import.meta.dirname, "..");

function findPrismaCli(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve("prisma/build/index.js");
  } catch {
    return undefined;
  }
}

const prismaCli = findPrismaCli();
if (!prismaCli) {
  // `prisma` is a devDependency: an `npm install --omit=dev` runs this as postinstall
  // without it. Do not fail that install; clients generated at build time stay usable.
  console.warn("db:generate: the prisma CLI is not installed (devDependencies omitted?); skipping client generation.");
  process.exit(0);
}

// `prisma generate` needs no schema engine, but the CLI first tries to download one unless
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file; any file will do. The rest keeps it
// offline and quiet (no update check, no telemetry).
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? prismaCli,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  PRISMA_DISABLE_WARNINGS: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_GENERATE_SKIP_AUTOINSTALL: "1",
  PRISMA_SKIP_POSTINSTALL_GENERATE: "1",
};

const rendered = await renderSchemas();
for (const dialect of DIALECTS) {
  const result = spawnSync(process.execPath, [prismaCli, "generate", "--schema", rendered[dialect]], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    console.error(`prisma generate failed for ${dialect}`);
    process.exit(result.status ?? 1);
  }
  console.log(`Generated the ${dialect} client (lib/store/generated/${dialect}) from prisma/${dialect}/schema.prisma`);
}
