// OTLP and Flowprint's store key a span by (trace id, span id): of two spans with one id, the
// second is dropped on ingest. Zipkin's B3 RPCs give the client and the server the same span
// id, so after merging pieces (merge-zipkin-fragments.ts) the server half gets an id of its own
// with the client as its parent, as Jaeger's query service does for Zipkin data
// (adjuster.DeduplicateClientServerSpanIDs). The server's children that ran in the server's
// service move under it; children in the client's service stay with the client.
//
// Jaeger numbers new ids 1, 2, 3… in the order it meets them; here the new id is derived from
// the trace id, the shared id and the server's service, so importing the same trace again, or
// from another file, gives the same ids and the store's duplicate detection still works.
//
// A shared server half without its client in the same set keeps its id in a file, which holds
// the whole trace: its caller reported nothing (Envoy at the edge, a proxy that only forwards
// B3). Zipkin's collector API instead gets each service's half in that service's own batch, and
// a server half keeping the client's id would be dropped as a repeat of it, or drop it, whichever
// came second: `splitLoneServers` splits it alone, to the id it gets beside its client, when it
// has a parent (one without is the trace's entry, and splitting it would leave no root).
import type { ZipkinSpan } from "./read-zipkin-span";

export interface RepeatedSpan {
  span: ZipkinSpan;
  /** The kept span with the same id. */
  of: ZipkinSpan;
}

export interface SplitSpans {
  spans: ZipkinSpan[];
  /** Spans whose id is still taken after the split (neither pieces of one span nor a client/server pair); left out. */
  repeated: RepeatedSpan[];
}

interface SplitId {
  /** Absent for a server half split without its client. */
  client?: ZipkinSpan;
  servers: ZipkinSpan[];
}

/** A shared server half a collector may split though its client is not in the batch. */
const isLoneSplittable = (span: ZipkinSpan) => span.kind === "SERVER" && span.shared && span.parentId !== undefined;

export function splitSharedSpanIds(trace: readonly ZipkinSpan[], options: { splitLoneServers?: boolean } = {}): SplitSpans {
  const byId = new Map<string, ZipkinSpan[]>();
  for (const span of trace) byId.set(span.id, [...(byId.get(span.id) ?? []), span]);
  const used = new Set(byId.keys());
  const split = new Map<string, SplitId>();
  const renamed = new Map<ZipkinSpan, ZipkinSpan>();

  for (const [id, spans] of byId) {
    const client = spans.find((s) => s.kind === "CLIENT");
    const lone = client === undefined && options.splitLoneServers === true;
    if (lone ? !spans.some(isLoneSplittable) : spans.length < 2 || client === undefined) continue;
    const servers: ZipkinSpan[] = [];
    for (const span of spans) {
      if (lone ? !isLoneSplittable(span) : span.kind !== "SERVER") continue;
      const server = { ...span, id: deriveSpanId(span.traceId, id, span.localEndpoint?.serviceName ?? "", used), parentId: id };
      used.add(server.id);
      renamed.set(span, server);
      servers.push(server);
    }
    if (servers.length > 0) split.set(id, { client, servers });
  }

  const kept: ZipkinSpan[] = [];
  const firstById = new Map<string, ZipkinSpan>();
  const repeated: RepeatedSpan[] = [];
  for (const original of trace) {
    const span = renamed.get(original) ?? original;
    const first = firstById.get(span.id);
    if (first !== undefined) {
      repeated.push({ span, of: first });
      continue;
    }
    firstById.set(span.id, span);
    kept.push(span);
  }
  return { spans: kept.map((span) => reparent(span, split)), repeated };
}

function reparent(span: ZipkinSpan, split: Map<string, SplitId>): ZipkinSpan {
  const entry = span.parentId === undefined ? undefined : split.get(span.parentId);
  if (entry === undefined || entry.servers.some((server) => server.id === span.id)) return span;
  const service = span.localEndpoint?.serviceName;
  const sameService = entry.servers.find((server) => server.localEndpoint?.serviceName === service);
  if (sameService !== undefined) return { ...span, parentId: sameService.id };
  // Split without its client, a child of another service is the client's, from the client's batch.
  if (entry.client === undefined || entry.client.localEndpoint?.serviceName === service) return span;
  // Neither side's service: Jaeger moves such children under the server, the callee.
  return { ...span, parentId: entry.servers[0].id };
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

/** A 64-bit FNV-1a hash of the inputs as 16 hex digits, not zero and not yet used in the trace. */
export function deriveSpanId(traceId: string, sharedId: string, service: string, used: ReadonlySet<string>): string {
  for (let attempt = 0; ; attempt++) {
    let hash = FNV_OFFSET;
    const text = `${traceId}/${sharedId}/${service}/${attempt}`;
    for (let i = 0; i < text.length; i++) hash = ((hash ^ BigInt(text.charCodeAt(i))) * FNV_PRIME) & MASK_64;
    const id = hash.toString(16).padStart(16, "0");
    if (hash !== 0n && !used.has(id)) return id;
  }
}
