// Zipkin reporters may send one span in pieces (a client reports its start and end apart), and
// B3 lets an RPC's client and server share one span id. Zipkin merges the pieces when it reads
// a trace (zipkin2.internal.Trace.merge, mirrored by zipkin-lens mergeV2ById); this is a port
// of that rule for one trace: pieces with the same id, the same shared flag and a compatible
// local endpoint become one span; a SERVER sharing a CLIENT's id is marked shared and inherits
// the client's parent when it has none. The result keeps the file's order.
import { sortAnnotations, type ZipkinEndpoint, type ZipkinSpan } from "./read-zipkin-span";

export function mergeZipkinFragments(trace: readonly ZipkinSpan[]): ZipkinSpan[] {
  if (trace.length <= 1) return [...trace];
  const sorted = [...trace].sort(cleanupOrder);
  const result: ZipkinSpan[] = [];
  let last: ZipkinSpan | undefined;
  for (let i = 0; i < sorted.length; i++) {
    let span = sorted[i];
    let endpoint: EndpointTracker | undefined;
    while (i + 1 < sorted.length && sorted[i + 1].id === span.id) {
      const next = sorted[i + 1];
      endpoint ??= new EndpointTracker(span.localEndpoint);
      if (span.shared !== next.shared || !endpoint.tryMerge(next.localEndpoint)) break;
      span = mergeTwo(span, next);
      i++;
    }
    if (last !== undefined && last.id === span.id) {
      // Some instrumentation forgets the shared flag on the server half; the client sorts first.
      if (last.kind === "CLIENT" && span.kind === "SERVER" && !span.shared) span = { ...span, shared: true };
      // A shared server span whose parent id was not propagated has the client's parent.
      if (span.shared && span.parentId === undefined && last.parentId !== undefined) span = { ...span, parentId: last.parentId };
    }
    result.push(span);
    last = span;
  }
  return result.sort((a, b) => a.order - b.order);
}

/** Zipkin's CLEANUP_COMPARATOR: by id, then unshared (clients first) before shared, then local endpoint; file order breaks ties. */
function cleanupOrder(a: ZipkinSpan, b: ZipkinSpan): number {
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return compareShared(a, b) || compareEndpoint(a.localEndpoint, b.localEndpoint) || a.order - b.order;
}

function compareShared(a: ZipkinSpan, b: ZipkinSpan): number {
  if (a.shared !== b.shared) return a.shared ? 1 : -1;
  if (a.shared) return 0;
  const aClient = a.kind === "CLIENT";
  const bClient = b.kind === "CLIENT";
  return aClient === bClient ? 0 : aClient ? -1 : 1;
}

/** Spans without an endpoint first, so their data joins the first span with the same id. */
function compareEndpoint(a: ZipkinEndpoint | undefined, b: ZipkinEndpoint | undefined): number {
  if (a === undefined) return b === undefined ? 0 : -1;
  if (b === undefined) return 1;
  return compareField(a.serviceName, b.serviceName) || compareField(a.ipv4, b.ipv4) || compareField(a.ipv6, b.ipv6);
}

/** Missing values last, as Zipkin's nullSafeCompareTo. */
function compareField(a: string | undefined, b: string | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether pieces may come from the same host: no field of the endpoints contradicts another. */
class EndpointTracker {
  private readonly seen: ZipkinEndpoint;

  constructor(first: ZipkinEndpoint | undefined) {
    this.seen = { ...first };
  }

  tryMerge(endpoint: ZipkinEndpoint | undefined): boolean {
    if (endpoint === undefined) return true;
    const s = this.seen;
    if (s.serviceName !== undefined && endpoint.serviceName !== undefined && s.serviceName !== endpoint.serviceName) return false;
    if (s.ipv4 !== undefined && endpoint.ipv4 !== undefined && s.ipv4 !== endpoint.ipv4) return false;
    if (s.ipv6 !== undefined && endpoint.ipv6 !== undefined && s.ipv6 !== endpoint.ipv6) return false;
    if (s.port !== undefined && endpoint.port !== undefined && s.port !== endpoint.port) return false;
    this.seen.serviceName ??= endpoint.serviceName;
    this.seen.ipv4 ??= endpoint.ipv4;
    this.seen.ipv6 ??= endpoint.ipv6;
    this.seen.port ??= endpoint.port;
    return true;
  }
}

/** zipkin2.Span.Builder.merge: the first piece's fields win, the second fills gaps; tags and annotations are united. */
function mergeTwo(left: ZipkinSpan, right: ZipkinSpan): ZipkinSpan {
  const first = left.order <= right.order ? left : right;
  return {
    traceId: left.traceId,
    id: left.id,
    parentId: left.parentId ?? right.parentId,
    kind: left.kind ?? right.kind,
    name: left.name ?? right.name,
    timestamp: left.timestamp ?? right.timestamp,
    duration: left.duration ?? right.duration,
    localEndpoint: mergeEndpoint(left.localEndpoint, right.localEndpoint),
    remoteEndpoint: mergeEndpoint(left.remoteEndpoint, right.remoteEndpoint),
    annotations: sortAnnotations([...left.annotations, ...right.annotations]),
    tags: new Map([...left.tags, ...right.tags]),
    shared: left.shared || right.shared,
    path: first.path,
    order: first.order,
  };
}

function mergeEndpoint(left: ZipkinEndpoint | undefined, right: ZipkinEndpoint | undefined): ZipkinEndpoint | undefined {
  if (left === undefined || right === undefined) return left ?? right;
  return {
    serviceName: left.serviceName ?? right.serviceName,
    ipv4: left.ipv4 ?? right.ipv4,
    ipv6: left.ipv6 ?? right.ipv6,
    port: left.port ?? right.port,
  };
}
