// npm run db:reindex-llm-calls [-- <workspace>...]: rebuilds the LLM call index from the stored
// spans of completed traces (all workspaces when none is named), e.g. for traces completed
// before the index existed. Safe beside a running server: a page of traces per transaction.
import { databaseUrl, redactUrl } from "../lib/store/database-url";
import { openStore } from "../lib/store/db";
import { reindexLlmCalls } from "../lib/store/reindex-llm-calls";

const url = databaseUrl();
const store = openStore(url);
try {
  const named = process.argv.slice(2);
  const workspaces = named.length > 0 ? named : (await store.prisma.workspace.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((w) => w.id);
  for (const workspaceId of workspaces) {
    const { traces, calls } = await reindexLlmCalls(store, workspaceId, { onPage: (p) => process.stdout.write(`\r${workspaceId}: ${p.traces} traces, ${p.calls} LLM calls`) });
    process.stdout.write(`\r${workspaceId}: ${traces} completed traces read, ${calls} LLM calls indexed\n`);
  }
  console.log(`${redactUrl(url)}: done.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await store.close();
}
