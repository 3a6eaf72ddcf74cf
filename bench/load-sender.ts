// What the ingest benchmarks share: OTLP/HTTP protobuf payloads of 8-span traces made with the
// official SDK, a keep-alive sender, concurrent load levels, and the memory and CPU of the
// process tree under test (Linux /proc).
import { readFileSync } from "node:fs";
import http from "node:http";
import { constants, gzipSync } from "node:zlib";
import { createSdkSpans, hrTimeNow, serializeProtobufRequest } from "../lib/otlp/testing/create-sdk-request";

export const SPANS_PER_REQUEST = 512;
/** createSdkSpans records checkout traces of this many spans. */
export const SPANS_PER_TRACE = 8;

/** `count` gzip'd requests of SPANS_PER_REQUEST spans, every trace and span unique. */
export function payloads(count: number): Uint8Array[] {
  const spans = createSdkSpans((count * SPANS_PER_REQUEST) / SPANS_PER_TRACE, hrTimeNow());
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) out.push(gzipSync(serializeProtobufRequest(spans.slice(i * SPANS_PER_REQUEST, (i + 1) * SPANS_PER_REQUEST))));
  return out;
}

/**
 * Endless distinct requests for sustained load: a few uncompressed templates whose trace ids
 * (found by their bytes, 16 random bytes that occur nowhere else) are overwritten per request
 * with a counter, then gzip'd at its fastest level, so every span is new and the sender spends
 * well under a millisecond per request.
 */
export function distinctRequests(templateCount = 16): () => Uint8Array {
  const spans = createSdkSpans((templateCount * SPANS_PER_REQUEST) / SPANS_PER_TRACE, hrTimeNow());
  const templates = Array.from({ length: templateCount }, (_, i) => {
    const slice = spans.slice(i * SPANS_PER_REQUEST, (i + 1) * SPANS_PER_REQUEST);
    const body = Buffer.from(serializeProtobufRequest(slice));
    const traceIds = [...new Set(slice.map((span) => span.spanContext().traceId))];
    const offsets = traceIds.map((id) => {
      const bytes = Buffer.from(id, "hex");
      const found: number[] = [];
      for (let at = body.indexOf(bytes); at !== -1; at = body.indexOf(bytes, at + 1)) found.push(at);
      return found;
    });
    return { body, offsets };
  });
  let sent = 0;
  return () => {
    const template = templates[sent % templateCount]!;
    const body = Buffer.from(template.body);
    template.offsets.forEach((offsets, trace) => {
      // 8 bytes of request number, 4 of the trace's place in it, 4 fixed: unique per trace.
      const id = Buffer.alloc(16, 0x5a);
      id.writeBigUInt64BE(BigInt(sent + 1), 0);
      id.writeUInt32BE(trace, 8);
      for (const at of offsets) id.copy(body, at);
    });
    sent++;
    return gzipSync(body, { level: constants.Z_BEST_SPEED });
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resident set size of a process and its descendants, in bytes. */
export function treeRss(pid: number): number {
  let total = 0;
  try {
    total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
  for (const child of childrenOf(pid)) total += treeRss(child);
  return total;
}

/** CPU seconds (user + system) a process and its live descendants have used. */
export function treeCpuSeconds(pid: number): number {
  let total = 0;
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    total += (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
  for (const child of childrenOf(pid)) total += treeCpuSeconds(child);
  return total;
}

// node:http with keep-alive costs the sender less CPU than fetch; sender and server share the cores.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * One request; resolves with its latency in ms, rejects on anything but 200. A reset before any
 * answer is a kept-alive socket the server had closed as idle: sent again on a new one.
 */
export async function sendOtlp(baseUrl: string, body: Uint8Array, workspace = "bench"): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce(baseUrl, body, workspace);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ECONNRESET" || attempt === 3) throw error;
    }
  }
}

function sendOnce(baseUrl: string, body: Uint8Array, workspace: string): Promise<number> {
  const started = performance.now();
  const url = new URL("/v1/traces", baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "content-type": "application/x-protobuf", "content-encoding": "gzip", "content-length": body.byteLength, "x-workspace-id": workspace },
      },
      (response) => {
        response.resume();
        response.on("end", () => (response.statusCode !== 200 ? reject(new Error(`ingest answered ${response.statusCode}`)) : resolve(performance.now() - started)));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

export interface LevelResult {
  concurrency: number;
  spansPerSecond: number;
  p50: number;
  p99: number;
  maxMs: number;
  peakRss: number;
  cpuSeconds: number;
  /** performance.now() when the last request was answered. */
  endedAt: number;
}

/** Sends every body with `concurrency` senders to the server whose process is `pid`. */
export async function runLevel(baseUrl: string, pid: number, bodies: Uint8Array[], concurrency: number): Promise<LevelResult> {
  const latencies: number[] = [];
  let next = 0;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(pid))), 100);
  const cpuBefore = treeCpuSeconds(pid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) latencies.push(await sendOtlp(baseUrl, bodies[next++]!));
    }),
  );
  const endedAt = performance.now();
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    spansPerSecond: (bodies.length * SPANS_PER_REQUEST) / ((endedAt - started) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? 0,
    peakRss: Math.max(peakRss, treeRss(pid)),
    cpuSeconds: treeCpuSeconds(pid) - cpuBefore,
    endedAt,
  };
}

/**
 * Sends distinct requests with `concurrency` senders for `seconds`; `onTick` runs every
 * `tickMs` meanwhile (to watch a backlog), with the requests answered so far.
 */
export async function runForSeconds(
  baseUrl: string,
  pid: number,
  nextBody: () => Uint8Array,
  concurrency: number,
  seconds: number,
  onTick?: (answered: number) => Promise<void>,
  tickMs = 5_000,
): Promise<LevelResult & { requests: number }> {
  const latencies: number[] = [];
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(pid))), 100);
  let ticking = Promise.resolve();
  const ticker = onTick ? setInterval(() => (ticking = ticking.then(() => onTick(latencies.length))), tickMs) : undefined;
  const cpuBefore = treeCpuSeconds(pid);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) latencies.push(await sendOtlp(baseUrl, nextBody()));
    }),
  );
  const endedAt = performance.now();
  clearInterval(sampler);
  if (ticker) clearInterval(ticker);
  await ticking;
  const requests = latencies.length;
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    requests,
    spansPerSecond: (requests * SPANS_PER_REQUEST) / ((endedAt - started) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? 0,
    peakRss: Math.max(peakRss, treeRss(pid)),
    cpuSeconds: treeCpuSeconds(pid) - cpuBefore,
    endedAt,
  };
}
