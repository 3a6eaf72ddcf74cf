// What both decoders (protobuf, JSON) share once a span has been read: the rejection rules,
// id formatting, and the fallback for missing timestamps.
import { PENDING_RESOURCE, PENDING_SCOPE, toSpanKind, toSpanStatus } from "./attach-resource";
import { findRejectionReason, type RawId } from "./find-rejection-reason";
import { formatHexId } from "./format-hex-id";
import type { Attributes, Span, SpanEvent, SpanLink } from "./span";
import { RejectionTally } from "./tally-rejections";

export interface DecodedTraces {
  spans: Span[];
  rejectedSpans: number;
  /** "" when no span was rejected. */
  errorMessage: string;
}

/** A span as read from the wire, before validation. */
export interface RawSpan {
  traceId: RawId;
  spanId: RawId;
  parentSpanId: RawId;
  traceState: string;
  flags: number;
  name: string;
  kind: number;
  startNs: bigint;
  endNs: bigint;
  attributes: Attributes;
  droppedAttributesCount: number;
  events: SpanEvent[];
  droppedEventsCount: number;
  links: SpanLink[];
  droppedLinksCount: number;
  statusCode: number;
  statusMessage: string;
}

export class SpanCollector {
  readonly spans: Span[] = [];
  private readonly rejections = new RejectionTally();
  private readonly receivedAtNs: bigint;

  constructor(
    private readonly workspaceId: string,
    receivedAtMs: number,
  ) {
    this.receivedAtNs = BigInt(Math.round(receivedAtMs)) * 1_000_000n;
  }

  add(raw: RawSpan): void {
    const reason = findRejectionReason(raw.traceId, raw.spanId, raw.parentSpanId, raw.name);
    if (reason !== null) {
      this.rejections.add(reason);
      return;
    }
    // A span without a start time would sort into 1970 and be expired at once; the moment
    // it arrived is the best estimate left. A missing end makes it instantaneous rather than
    // 55 years long.
    const startNs = raw.startNs === 0n ? this.receivedAtNs : raw.startNs;
    const endNs = raw.endNs === 0n ? startNs : raw.endNs;
    this.spans.push({
      workspaceId: this.workspaceId,
      traceId: formatHexId(raw.traceId as Uint8Array),
      spanId: formatHexId(raw.spanId as Uint8Array),
      parentSpanId: formatHexId(raw.parentSpanId as Uint8Array),
      traceState: raw.traceState,
      flags: raw.flags,
      service: "",
      name: raw.name,
      kind: toSpanKind(raw.kind),
      status: toSpanStatus(raw.statusCode),
      statusMessage: raw.statusMessage,
      startNs,
      endNs,
      attributes: raw.attributes,
      droppedAttributesCount: raw.droppedAttributesCount,
      events: raw.events,
      droppedEventsCount: raw.droppedEventsCount,
      links: raw.links,
      droppedLinksCount: raw.droppedLinksCount,
      resource: PENDING_RESOURCE,
      scope: PENDING_SCOPE,
      isTestGenerated: false,
      isSynthetic: false,
    });
  }

  finish(): DecodedTraces {
    return { spans: this.spans, rejectedSpans: this.rejections.count, errorMessage: this.rejections.message() };
  }
}
