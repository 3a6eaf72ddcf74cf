// The baseline the ingest benchmark measures Flowprint against: an OTLP/HTTP receiver that only
// decodes each request and stores its spans in SQLite, one transaction per request, on one
// thread, with Flowprint's own decoder and batch writer. No workspaces, no assembly, no discovery.
//
//   npx tsx bench/store-only-receiver.ts <sqlite-file> <port>     prints "listening" when ready
import http from "node:http";
import { gunzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { decodeTraceRequest } from "../lib/otlp";
import { applyMigrations } from "../lib/store/migrate";
import { sqlDialect } from "../lib/store/sql-dialect";
import { buildSpanBatch } from "../lib/store/span-batch";
import { SQLITE_PRAGMAS } from "../lib/store/sqlite-pragmas";
import { SqliteSpanBatchWriter } from "../lib/store/sqlite-writer/write-span-batches";

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error("usage: store-only-receiver.ts <sqlite-file> <port>");

await applyMigrations(`file:${file}`);
const db = new Database(file);
db.exec(SQLITE_PRAGMAS);
// The spans' workspace must exist (foreign keys of the schema the writer fills).
db.prepare("INSERT INTO workspaces (id, name, created_at_ms) VALUES ('bench', 'bench', 0) ON CONFLICT DO NOTHING").run();
const writer = new SqliteSpanBatchWriter(db);
const dialect = sqlDialect("sqlite");

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    try {
      const raw = Buffer.concat(chunks);
      const body = request.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
      const { spans } = decodeTraceRequest(body, "protobuf", "bench");
      writer.write([buildSpanBatch(dialect, spans, Date.now())]);
      response.writeHead(200, { "content-type": "application/x-protobuf", "content-length": 0 });
      response.end();
    } catch (error) {
      response.writeHead(400);
      response.end(String(error));
    }
  });
});
server.listen(Number(port), "127.0.0.1", () => console.log("listening"));
process.on("SIGTERM", () => server.close(() => (db.close(), process.exit(0))));
