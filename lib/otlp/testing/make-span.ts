// A normalized Span with sensible defaults, for unit tests of the layers after decoding.
import type { Span } from "../span";

const resource = { attributes: { "service.name": "svc" }, droppedAttributesCount: 0, schemaUrl: "" };
const scope = { name: "s", version: "1", attributes: {}, droppedAttributesCount: 0, schemaUrl: "" };

export function makeSpan(overrides: Partial<Span> = {}): Span {
  return {
    workspaceId: "ws",
    traceId: "a".repeat(32),
    spanId: "1".repeat(16),
    parentSpanId: "",
    traceState: "",
    flags: 0,
    service: "svc",
    name: "op",
    kind: 2,
    status: "unset",
    statusMessage: "",
    startNs: 1000n,
    endNs: 2000n,
    attributes: {},
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    resource,
    scope,
    isTestGenerated: false,
    isSynthetic: false,
    ...overrides,
  };
}
