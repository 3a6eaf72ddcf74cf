// Trace file imports through the running app, on SQLite and PostgreSQL: every real Jaeger and
// Zipkin file of the corpus, a partly bad file, a file that holds no traces, gzip either way,
// the body limit, re-imports, old traces against retention, and who may import.
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { corpusFile, JAEGER_FILES, ZIPKIN_FILES, type CorpusFolder } from "../../lib/trace-formats/testing/read-format-corpus";
import { appOnStore, STORES } from "../support/app-on-each-store";
import { Client, PASSWORD } from "../support/browser-client";

interface ImportAnswer {
  format: string | null;
  traces: number;
  spans: number;
  skipped_spans: number;
  rejected_spans: number;
  problems: { where: string; message: string }[];
  warnings: { code: string; message: string }[];
}

interface TraceList {
  traces: { trace_id: string; span_count: number }[];
  total: number;
}

const LIMIT_BYTES = 1024 * 1024;

// Counted by hand from the files: lib/trace-formats/import-trace-file.corpus.test.ts says how.
const CORPUS: { folder: CorpusFolder; file: string; traces: number; spans: number; skipped: number }[] = [
  // Jaeger's UI-model fixture holds span 2 twice: stored once, the repeat reported.
  { folder: "jaeger", file: JAEGER_FILES.ui01, traces: 1, spans: 4, skipped: 1 },
  { folder: "jaeger", file: JAEGER_FILES.statistics, traces: 1, spans: 17, skipped: 0 },
  { folder: "jaeger", file: JAEGER_FILES.enriched, traces: 1, spans: 4, skipped: 0 },
  { folder: "zipkin", file: ZIPKIN_FILES.ascend, traces: 1, spans: 8, skipped: 0 },
  { folder: "zipkin", file: ZIPKIN_FILES.envoy, traces: 1, spans: 1, skipped: 0 },
  { folder: "zipkin", file: ZIPKIN_FILES.kafka, traces: 1, spans: 28, skipped: 0 },
  { folder: "zipkin", file: ZIPKIN_FILES.db, traces: 1, spans: 5, skipped: 0 },
  { folder: "zipkin", file: ZIPKIN_FILES.skew, traces: 1, spans: 4, skipped: 0 },
  { folder: "zipkin", file: ZIPKIN_FILES.mobile, traces: 1, spans: 957, skipped: 84 },
  { folder: "zipkin", file: ZIPKIN_FILES.oauth, traces: 1, spans: 172, skipped: 0 },
  { folder: "zipkin", file: ZIPKIN_FILES.yelp, traces: 1, spans: 16, skipped: 0 },
];

/** One OTLP/JSON line of a two-span trace that started `ageMs` ago. */
function otlpLine(traceId: string, ageMs: number): string {
  const startNs = BigInt(Date.now() - ageMs) * 1_000_000n;
  const span = (spanId: string, parentSpanId: string, name: string, kind: number, attributes: unknown[]) => ({
    traceId,
    spanId,
    parentSpanId,
    name,
    kind,
    startTimeUnixNano: String(startNs),
    endTimeUnixNano: String(startNs + 5_000_000n),
    attributes,
  });
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "importer" } }] },
        scopeSpans: [
          {
            spans: [
              span("00000000000000a1", "", "GET /items", 2, [{ key: "http.route", value: { stringValue: "/items" } }, { key: "http.request.method", value: { stringValue: "GET" } }]),
              span("00000000000000a2", "00000000000000a1", "SELECT items", 3, [{ key: "db.system.name", value: { stringValue: "postgresql" } }]),
            ],
          },
        ],
      },
    ],
  });
}

describe.each(STORES)("trace file import on %s", (store) => {
  const running = appOnStore(store, { FLOWPRINT_MAX_BODY_BYTES: String(LIMIT_BYTES) });
  const { skipWithoutStore } = running;

  const api = (workspace: string, path: string, init?: RequestInit) => fetch(`${running.app.baseUrl}/api/v1/workspaces/${workspace}${path}`, init);
  const importFile = async (workspace: string, body: BodyInit, fileName?: string, headers: Record<string, string> = {}) => {
    const query = fileName === undefined ? "" : `?file_name=${encodeURIComponent(fileName)}`;
    const response = await api(workspace, `/telemetry/import${query}`, { method: "POST", body, headers });
    return { status: response.status, body: (await response.json()) as ImportAnswer };
  };
  const tracesOf = async (workspace: string) => (await (await api(workspace, "/telemetry/traces?limit=1000")).json()) as TraceList;
  const flowCount = async (workspace: string) => ((await (await api(workspace, "/telemetry/flows")).json()) as { total: number }).total;
  const settle = (workspace: string, settings: Record<string, unknown>) => api(workspace, "/settings/telemetry", { method: "PUT", body: JSON.stringify(settings) });

  it.for(CORPUS.map((entry, i) => ({ ...entry, workspace: `corpus-${i}` })))(
    "imports $folder/$file: every span stored, each trace a flow",
    async ({ folder, file, traces, spans, skipped, workspace }, ctx) => {
      skipWithoutStore(ctx);
      const { status, body } = await importFile(workspace, corpusFile(folder, file), file);
      expect(status).toBe(200);
      expect(body).toMatchObject({ format: `${folder}-json`, traces, spans, skipped_spans: skipped, rejected_spans: 0 });
      expect(body.problems.length > 0).toBe(skipped > 0);
      // Every file of the corpus is years old: kept now, deleted by retention once complete.
      expect(body.warnings.map((w) => w.code)).toEqual(["older_than_retention"]);

      const stored = await tracesOf(workspace);
      expect(stored.total).toBe(traces);
      expect(stored.traces.reduce((n, t) => n + t.span_count, 0)).toBe(spans);
      for (const { trace_id } of stored.traces) {
        const completed = await api(workspace, `/telemetry/traces/${trace_id}/complete`, { method: "POST" });
        expect(completed.status).toBe(200);
        expect((await completed.json()).flow_id, `trace ${trace_id} of ${file}`).toEqual(expect.any(String));
      }
      expect(await flowCount(workspace)).toBeGreaterThanOrEqual(1);
    },
  );

  it("refuses a file whose every trace is bad with 422, saying where and why", async (ctx) => {
    skipWithoutStore(ctx);
    const { status, body } = await importFile("all-bad", corpusFile("jaeger", JAEGER_FILES.graph), "testTrace.json");
    expect(status).toBe(422);
    expect(body).toMatchObject({ format: "jaeger-json", traces: 0, spans: 0, skipped_spans: 11, warnings: [] });
    expect(body.problems).toEqual([{ where: "testTrace.json at spans[0].traceID", message: 'must be a trace id of up to 32 hex digits, not the string "trace-123". The same in 10 more places.' }]);
    expect((await tracesOf("all-bad")).total).toBe(0);
  });

  it("stores the good traces of a partly bad file and locates the bad one", async (ctx) => {
    skipWithoutStore(ctx);
    const yelp = JSON.parse(corpusFile("zipkin", ZIPKIN_FILES.yelp)) as unknown[];
    const db = JSON.parse(corpusFile("zipkin", ZIPKIN_FILES.db)) as Record<string, unknown>[];
    db[2] = { ...db[2], kind: "BROKER" };
    const { status, body } = await importFile("partly-bad", JSON.stringify([...yelp, ...db]), "mixed.json");
    expect(status).toBe(200);
    expect(body).toMatchObject({ format: "zipkin-json", traces: 1, spans: 16, skipped_spans: 5, rejected_spans: 0 });
    expect(body.problems).toEqual([{ where: `mixed.json at [${yelp.length + 2}].kind`, message: 'must be CLIENT, SERVER, PRODUCER or CONSUMER, not the string "BROKER".' }]);
    expect((await tracesOf("partly-bad")).traces.map((t) => t.span_count)).toEqual([16]);
  });

  it("answers a file that holds no traces with 422 and a clear reason", async (ctx) => {
    skipWithoutStore(ctx);
    const csv = await importFile("not-traces", "service,latency_ms\ncheckout,12\n", "latency.csv");
    expect(csv.status).toBe(422);
    expect(csv.body).toMatchObject({ format: null, traces: 0, spans: 0, problems: [{ where: "latency.csv:1:1", message: expect.stringMatching(/^not valid JSON: /) }] });
    const json = await importFile("not-traces", JSON.stringify({ name: "flowprint", version: "1.0.0" }), "package.json");
    expect(json.status).toBe(422);
    expect(json.body.problems).toEqual([{ where: "package.json", message: expect.stringMatching(/^is not a trace file Flowprint reads: expected OTLP\/JSON .* Jaeger JSON .* Zipkin v2 JSON/) }]);
    const binary = await importFile("not-traces", new Uint8Array([0x0a, 0xff, 0xfe, 0x00]), "spans.pb");
    expect(binary.status).toBe(422);
    expect(binary.body.problems[0].message).toMatch(/^is not UTF-8 text.*\/v1\/traces/);
    const empty = await importFile("not-traces", "", undefined);
    expect(empty.status).toBe(422);
    expect(empty.body.problems).toEqual([{ where: "the file", message: "is empty: nothing to import." }]);
    expect((await tracesOf("not-traces")).total).toBe(0);
  });

  it("takes gzip announced or as the file's own bytes, and completes old traces by arrival", async (ctx) => {
    skipWithoutStore(ctx);
    // Completion is keyed on when spans arrived: 2018's traces complete 300 ms after the import.
    expect((await settle("gzipped", { trace_idle_ms: 300 })).status).toBe(200);
    const kafka = gzipSync(corpusFile("zipkin", ZIPKIN_FILES.kafka));
    const announced = await importFile("gzipped", kafka, "kafka.json", { "content-encoding": "gzip" });
    expect(announced.status).toBe(200);
    expect(announced.body).toMatchObject({ format: "zipkin-json", spans: 28 });
    const asIs = await importFile("gzipped", gzipSync(corpusFile("zipkin", ZIPKIN_FILES.db)), "db.json.gz");
    expect(asIs.status).toBe(200);
    expect(asIs.body).toMatchObject({ format: "zipkin-json", spans: 5 });
    let flows = 0;
    // A deadline far beyond the idle window and the completion sweep: only a busy machine's pace changes.
    for (const deadline = Date.now() + 60_000; flows < 2 && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 250));
      flows = await flowCount("gzipped");
    }
    expect(flows).toBe(2);
  });

  it("refuses a body over FLOWPRINT_MAX_BODY_BYTES with 413, compressed or inflated", async (ctx) => {
    skipWithoutStore(ctx);
    const tooLarge = await importFile("limits", new Uint8Array(LIMIT_BYTES + 1), "big.json");
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toEqual({ error: { code: "payload_too_large", message: `The body exceeds the limit of ${LIMIT_BYTES} bytes.` } });
    const bomb = await importFile("limits", gzipSync(Buffer.alloc(4 * LIMIT_BYTES, " ")), "bomb.json", { "content-encoding": "gzip" });
    expect(bomb.status).toBe(413);
    expect(bomb.body).toEqual({ error: { code: "payload_too_large", message: `The decompressed body exceeds the limit of ${LIMIT_BYTES} bytes.` } });
    expect((await importFile("limits", "{}", "x.json", { "content-encoding": "br" })).status).toBe(415);
    expect((await importFile("limits", new Uint8Array([1, 2, 3]), "x.json", { "content-encoding": "gzip" })).status).toBe(400);
  });

  it("imports recent OTLP JSON Lines without warnings, and stores a second import of the same file once", async (ctx) => {
    skipWithoutStore(ctx);
    const lines = `${otlpLine("1".repeat(32), 60_000)}\n${otlpLine("2".repeat(32), 120_000)}\n`;
    const first = await importFile("lines", lines, "spans.jsonl");
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ format: "otlp-json-lines", traces: 2, spans: 4, skipped_spans: 0, rejected_spans: 0, problems: [], warnings: [] });
    expect((await importFile("lines", lines, "spans.jsonl")).status).toBe(200);
    const stored = await tracesOf("lines");
    expect(stored.traces.map((t) => t.span_count)).toEqual([2, 2]);
  });

  it("warns when retention will delete what it imports, or discovery will not see it", async (ctx) => {
    skipWithoutStore(ctx);
    expect((await settle("old", { retention_days: 3, auto_discovery: false })).status).toBe(200);
    const lines = `${otlpLine("3".repeat(32), 4 * 86_400_000)}\n${otlpLine("4".repeat(32), 60_000)}\n`;
    const { status, body } = await importFile("old", lines, "spans.jsonl");
    expect(status).toBe(200);
    expect(body.warnings.map((w) => w.code)).toEqual(["older_than_retention", "discovery_off"]);
    expect(body.warnings[0].message).toMatch(/^1 of 2 traces started before this workspace's retention window \(retention_days 3: before /);
  });

  it("refuses an import into a workspace that takes no spans", async (ctx) => {
    skipWithoutStore(ctx);
    expect((await settle("switched-off", { enabled: false })).status).toBe(200);
    const response = await api("switched-off", "/telemetry/import", { method: "POST", body: otlpLine("5".repeat(32), 0) });
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("ingestion_disabled");
  });
});

describe("who may import, with accounts on", () => {
  const running = appOnStore("SQLite", { FLOWPRINT_AUTH: "on", FLOWPRINT_ADMIN_EMAIL: "ada@example.com", FLOWPRINT_ADMIN_PASSWORD: PASSWORD });
  const admin = () => new Client(running.app.baseUrl);
  let editor: Client, viewer: Client, anonymous: Client;

  beforeAll(async () => {
    const app = running.app;
    const ada = admin();
    expect((await ada.signIn("ada@example.com")).status).toBe(200);
    // Reading its settings creates the workspace, which members are added to.
    expect((await ada.fetch("/api/v1/workspaces/shop/settings/telemetry")).status).toBe(200);
    for (const [email, role] of [
      ["editor@example.com", "editor"],
      ["viewer@example.com", "viewer"],
    ] as const) {
      expect((await ada.fetch("/api/v1/users", { json: { email, password: PASSWORD } })).status).toBe(201);
      expect((await ada.fetch("/api/v1/workspaces/shop/members", { json: { email, role } })).status).toBe(201);
    }
    [editor, viewer, anonymous] = [new Client(app.baseUrl), new Client(app.baseUrl), new Client(app.baseUrl)];
    expect((await editor.signIn("editor@example.com")).status).toBe(200);
    expect((await viewer.signIn("viewer@example.com")).status).toBe(200);
  });

  it("lets an editor import, and refuses a viewer (403) and the anonymous (401)", async () => {
    const file = { method: "POST", body: otlpLine("6".repeat(32), 0) };
    const path = "/api/v1/workspaces/shop/telemetry/import?file_name=spans.json";
    expect((await anonymous.fetch(path, file)).status).toBe(401);
    const refused = await viewer.fetch(path, file);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/editor role.*you are a viewer/);
    const imported = await editor.fetch(path, file);
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ format: "otlp-json", spans: 2 });
    // A script imports with a workspace token, and the import is in the audit log.
    const ada = admin();
    await ada.signIn("ada@example.com");
    const token = (await (await ada.fetch("/api/v1/workspaces/shop/tokens", { json: { name: "importer", scope: "write" } })).json()).token as string;
    expect((await fetch(`${running.app.baseUrl}${path}`, { ...file, headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const audit = (await (await ada.fetch("/api/v1/workspaces/shop/audit?action=telemetry.import")).json()) as { events: { actor: string; target: string }[] };
    expect(audit.events.map((e) => [e.actor, e.target])).toEqual([
      [expect.stringMatching(/^token fp_.*\(importer\)$/), "spans.json"],
      ["editor@example.com", "spans.json"],
    ]);
  });

  it("takes Zipkin spans without a key only where keyless ingestion is on", async () => {
    const zipkin = (workspace: string) =>
      fetch(`${running.app.baseUrl}/api/v2/spans`, { method: "POST", headers: { "content-type": "application/json", "x-workspace-id": workspace }, body: JSON.stringify([{ traceId: "7".repeat(32), id: "7".repeat(16), name: "get", timestamp: Date.now() * 1000 }]) });
    const refused = await zipkin("shop");
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/^Missing ingest key: workspace "shop" takes spans with an ingest key only/);
    const ada = admin();
    await ada.signIn("ada@example.com");
    expect((await ada.fetch("/api/v1/workspaces/shop/settings/telemetry", { method: "PUT", json: { keyless_ingest: true } })).status).toBe(200);
    expect((await zipkin("shop")).status).toBe(202);
  });
});
