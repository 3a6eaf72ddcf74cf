// Typing rules of DESIGN.md (Glossary, PathNode), first match wins. Both the current and the
// older semantic-convention keys are read because real fleets mix SDK generations.
import { SpanKind } from "../otlp/span";
import type { PathNode } from "./path-node";
import { readTextAttribute } from "./read-text-attribute";
import type { TraceSpan } from "./trace-span";

const ROUTE_KEYS = ["http.route"];
const METHOD_KEYS = ["http.request.method", "http.method"];
const DB_SYSTEM_KEYS = ["db.system.name", "db.system"];
const DB_NAME_KEYS = ["db.namespace", "db.name"];
const DESTINATION_KEYS = ["messaging.destination.name", "messaging.destination"];
// `net.peer.name` is the pre-1.21 spelling of `server.address` on client spans.
const PEER_KEYS = ["peer.service", "server.address", "net.peer.name"];

/**
 * The path node of `span`, or null when the span only carries a call whose callee reports
 * its own span (rule 4). `children` are the spans whose `parentSpanId` is this span: spans
 * the tree hung here only because their parent was missing are not callees.
 */
export function typePathNode(
  span: Pick<TraceSpan, "service" | "kind" | "attributes">,
  children: readonly Pick<TraceSpan, "service">[],
): PathNode | null {
  const { attributes, service } = span;

  const route = readTextAttribute(attributes, ROUTE_KEYS);
  if (route !== undefined) {
    const method = readTextAttribute(attributes, METHOD_KEYS);
    return { type: "api_endpoint", identifier: method === undefined ? route : `${method.toUpperCase()} ${route}`, service };
  }

  const dbSystem = readTextAttribute(attributes, DB_SYSTEM_KEYS);
  if (dbSystem !== undefined) {
    return { type: "database", identifier: readTextAttribute(attributes, DB_NAME_KEYS) ?? dbSystem, service };
  }

  const destination = readTextAttribute(attributes, DESTINATION_KEYS);
  if (destination !== undefined) return { type: "topic", identifier: destination, service };

  if (span.kind === SpanKind.CLIENT || span.kind === SpanKind.PRODUCER) {
    // The callee's SERVER/CONSUMER span names the call better (route, its own service) and
    // would otherwise appear twice: once as the caller's guess and once as itself.
    if (children.some((child) => child.service !== service)) return null;
  }

  if (span.kind === SpanKind.CLIENT) {
    // No span came back from the other side: an uninstrumented dependency, named as well as
    // the caller can.
    const peer = readTextAttribute(attributes, PEER_KEYS) ?? service;
    return { type: "service", identifier: peer, service: peer };
  }

  return { type: "service", identifier: service, service };
}
