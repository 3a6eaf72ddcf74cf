// Jaeger's query API over a workspace: the Jaeger trace files of the corpora go in, and come back
// out of /jaeger/:ws/api field by field; search, services, operations and dependencies answer in
// Jaeger's shape; and `flowprint export-trace --jaeger-url` reads Flowprint as it reads Jaeger,
// as toad-eye's export-trace does.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeImportedRequests, jaegerToOtlp, sortJaegerTags, spansToJaegerTraces, type JaegerTrace } from "@/lib/trace-formats";
import { startApp, tempPostgresUrl, type AppServer } from "../support/app-server";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/corpora");
const JAEGER_FILES = readdirSync(path.join(FIXTURES, "jaeger")).map((f) => path.join(FIXTURES, "jaeger", f));
const GENAI_TRACE = path.join(FIXTURES, "genai", "jaegertracing__jaeger-ui__packages__jaeger-ui__src__utils__gen-ai____fixtures____agent-trace.json");
const WS = "jaeger-ws";

interface Converted {
  file: string;
  expected: JaegerTrace[];
  original: { data: { traceID: string; spans: { spanID: string; operationName: string; startTime: number; duration: number; processID: string; references?: { refType: string; spanID: string }[] }[]; processes: Record<string, { serviceName: string }> }[] };
}

/** The files that convert whole (two of the Jaeger UI's use made-up, non-hex ids), with what they should read back as. */
function convertibleFiles(): Converted[] {
  return JAEGER_FILES.flatMap((file) => {
    const original = JSON.parse(readFileSync(file, "utf8"));
    const converted = jaegerToOtlp(original);
    if (converted.problems.length > 0 || converted.requests.length === 0) return [];
    const decoded = decodeImportedRequests(converted.requests, WS, Date.now());
    // In tag order, as Jaeger's query service (and Flowprint's) hands them out.
    return [{ file, expected: spansToJaegerTraces(decoded.spans).map(sortJaegerTags), original: Array.isArray(original) ? { data: original } : "data" in original ? original : { data: [original] } }];
  });
}

async function send(app: AppServer, file: string): Promise<string[]> {
  const converted = jaegerToOtlp(JSON.parse(readFileSync(file, "utf8")));
  const traceIds = new Set<string>();
  for (const { request } of converted.requests) {
    const response = await fetch(`${app.baseUrl}/v1/traces`, { method: "POST", headers: { "content-type": "application/json", "x-workspace-id": WS }, body: JSON.stringify(request) });
    expect(response.status).toBe(200);
    for (const span of decodeImportedRequests([{ request, where: file, spanCount: 0 }], WS, 0).spans) traceIds.add(span.traceId);
  }
  return [...traceIds];
}

const stores: { name: string; url: () => Promise<{ url: string; drop(): Promise<void> } | null> }[] = [
  { name: "sqlite", url: async () => ({ url: "", drop: async () => undefined }) },
  { name: "postgresql", url: tempPostgresUrl },
];

for (const store of stores) {
  describe(`Jaeger query API on ${store.name}`, () => {
    let app: AppServer | null = null;
    let database: { url: string; drop(): Promise<void> } | null = null;
    const files = convertibleFiles();
    const jaeger = (rest: string) => fetch(`${app!.baseUrl}/jaeger/${WS}/api/${rest}`);

    beforeAll(async () => {
      database = await store.url();
      if (!database) return;
      app = await startApp(database.url ? { databaseUrl: database.url } : {});
      for (const file of files.map((f) => f.file)) {
        for (const id of await send(app, file)) {
          expect((await fetch(`${app.baseUrl}/api/v1/workspaces/${WS}/telemetry/traces/${id}/complete`, { method: "POST" })).status).toBe(200);
        }
      }
      // An agent's LLM calls, as OTLP/JSON (the Jaeger UI's own GenAI fixture).
      const agent = await fetch(`${app.baseUrl}/v1/traces`, { method: "POST", headers: { "content-type": "application/json", "x-workspace-id": WS }, body: readFileSync(GENAI_TRACE, "utf8") });
      expect(agent.status).toBe(200);
    }, 120_000);
    afterAll(async () => {
      await app?.stop();
      await database?.drop();
    });

    it("gives back every trace of the Jaeger files field by field", async (ctx) => {
      if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL integration skipped");
      expect(files.length).toBeGreaterThanOrEqual(2);
      for (const { file, expected, original } of files) {
        for (const want of expected) {
          const response = await jaeger(`traces/${want.traceID}`);
          expect(response.status, file).toBe(200);
          const body = (await response.json()) as { data: JaegerTrace[]; errors: null };
          expect(body.errors).toBeNull();
          const [got] = body.data;
          expect(got.traceID).toBe(want.traceID);
          // A span id written twice in a file is stored once (the first); compare the others.
          const originalSpans = original.data.flatMap((t) => t.spans);
          const repeated = new Set(originalSpans.map((s) => s.spanID).filter((id, i, all) => all.indexOf(id) !== i));
          const gotById = new Map(got.spans.map((s) => [s.spanID, s]));
          for (const span of want.spans.filter((s) => !repeated.has(s.spanID))) {
            const stored = gotById.get(span.spanID);
            expect(stored, `${path.basename(file)} span ${span.spanID}`).toBeDefined();
            expect({ ...stored!, processID: got.processes[stored!.processID] }).toEqual({ ...span, processID: want.processes[span.processID] });
          }
          // And against the file itself: names, times, parents and services as Jaeger wrote them.
          for (const span of originalSpans.filter((s) => !repeated.has(s.spanID) && gotById.has(s.spanID.padStart(16, "0")))) {
            const stored = gotById.get(span.spanID.padStart(16, "0"))!;
            expect(stored.operationName).toBe(span.operationName);
            expect(stored.startTime).toBe(span.startTime);
            expect(stored.duration).toBe(span.duration);
            const parent = span.references?.find((r) => r.refType === "CHILD_OF");
            if (parent) expect(stored.references.find((r) => r.refType === "CHILD_OF")?.spanID).toBe(parent.spanID.padStart(16, "0"));
            const service = original.data.find((t) => t.spans.includes(span))!.processes[span.processID].serviceName;
            expect(got.processes[stored.processID].serviceName).toBe(service);
          }
        }
      }
    });

    it("answers an unknown trace with Jaeger's 404, and a bad parameter with 400 naming it", async (ctx) => {
      if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL integration skipped");
      const missing = await jaeger(`traces/${"f".repeat(32)}`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ data: null, errors: [{ code: 404, msg: "trace not found" }] });
      const bad = await jaeger("traces?service=x&minDuration=quick");
      expect(bad.status).toBe(400);
      expect((await bad.json()).errors[0].msg).toContain("minDuration");
    });

    it("lists services and operations, searches by service, operation, tag and duration, and lists dependencies", async (ctx) => {
      if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL integration skipped");
      const services = (await (await jaeger("services")).json()) as { data: string[] };
      const someTrace = files[0].expected[0];
      const someSpan = someTrace.spans.find((s) => s.tags.length > 0 && s.duration > 0) ?? someTrace.spans[0];
      const service = someTrace.processes[someSpan.processID].serviceName;
      expect(services.data).toContain(service);
      const names = (await (await jaeger(`services/${encodeURIComponent(service)}/operations`)).json()) as { data: string[] };
      expect(names.data).toContain(someSpan.operationName);
      const operations = (await (await jaeger(`operations?service=${encodeURIComponent(service)}`)).json()) as { data: { name: string }[] };
      expect(operations.data.map((o) => o.name)).toContain(someSpan.operationName);

      const search = async (query: string) => ((await (await jaeger(`traces?${query}`)).json()) as { data: JaegerTrace[] }).data.map((t) => t.traceID);
      const base = `service=${encodeURIComponent(service)}&operation=${encodeURIComponent(someSpan.operationName)}&start=0&end=${Date.now() * 1000}`;
      expect(await search(base)).toContain(someTrace.traceID);
      const tag = someTrace.spans.flatMap((s) => s.tags.map((t) => ({ ...t, span: s }))).find((t) => t.type === "string" && !t.key.startsWith("otel.") && t.key !== "span.kind");
      expect(tag).toBeDefined();
      // Jaeger's conditions hold on one span: the tag's own span's service and operation.
      const onTagSpan = `service=${encodeURIComponent(someTrace.processes[tag!.span.processID].serviceName)}&operation=${encodeURIComponent(tag!.span.operationName)}`;
      expect(await search(`${onTagSpan}&tags=${encodeURIComponent(JSON.stringify({ [tag!.key]: tag!.value }))}`)).toContain(someTrace.traceID);
      expect(await search(`${onTagSpan}&tags=${encodeURIComponent(JSON.stringify({ [tag!.key]: `${String(tag!.value)}-not` }))}`)).not.toContain(someTrace.traceID);
      expect(await search(`${base}&tags=${encodeURIComponent(JSON.stringify({ "no.such.tag": "x" }))}`)).toEqual([]);
      expect(await search(`${base}&minDuration=${someSpan.duration}us`)).toContain(someTrace.traceID);
      expect(await search(`${base}&minDuration=${someSpan.duration + 1_000_000}us`)).not.toContain(someTrace.traceID);

      const dependencies = (await (await jaeger("dependencies?endTs=0&lookback=1")).json()) as { data: { parent: string; child: string; callCount: number }[] };
      expect(dependencies.data.length).toBeGreaterThan(0);
      expect(dependencies.data.every((d) => d.callCount > 0)).toBe(true);
    });

    it("serves flowprint export-trace --jaeger-url as it would be served by Jaeger", async (ctx) => {
      if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL integration skipped");
      const traceId = JSON.parse(readFileSync(GENAI_TRACE, "utf8")).resourceSpans[0].scopeSpans[0].spans[0].traceId as string;
      const out = mkdtempSync(path.join(tmpdir(), "flowprint-jaeger-export-"));
      const run = await promisify(execFile)(process.execPath, [path.resolve("bin/flowprint.mjs"), "export-trace", traceId, "--jaeger-url", `${app!.baseUrl}/jaeger/${WS}`, "-o", out]).catch((error: { stdout: string; stderr: string; code: number }) => error);
      const [written] = readdirSync(out);
      expect(written, `${run.stdout}\n${run.stderr}`).toBeDefined();
      expect(written).toMatch(/\.eval\.yaml$/);
      const yaml = readFileSync(path.join(out, written), "utf8");
      expect(yaml).toContain("production-case-1");
    });
  });
}
