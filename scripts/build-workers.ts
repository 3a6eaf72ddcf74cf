// Bundles the entries of the SQLite writer thread and the trace completion thread for Node
// (worker threads cannot load TypeScript). Runs after `next build`, which empties .next first.
import { build } from "esbuild";
import { completionBundlePath } from "../lib/pipeline/completion-thread/completion-thread";
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

await build({
  entryPoints: ["lib/pipeline/completion-thread/thread-main.ts"],
  outfile: completionBundlePath(),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Resolved from node_modules at run time: native addons, and Prisma's runtime with its WASM.
  packages: "external",
  logLevel: "warning",
});
console.log(`[flowprint] built ${completionBundlePath()}`);
