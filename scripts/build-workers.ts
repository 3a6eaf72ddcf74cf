// Bundles the SQLite writer thread's entry for Node (worker threads cannot load TypeScript).
// Runs after `next build`, which empties .next first.
import { build } from "esbuild";
import { writerBundlePath } from "../lib/store/sqlite-writer/sqlite-writer-thread";

await build({
  entryPoints: ["lib/store/sqlite-writer/worker-main.ts"],
  outfile: writerBundlePath(),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["better-sqlite3"],
  logLevel: "warning",
});
console.log(`[flowprint] built ${writerBundlePath()}`);
