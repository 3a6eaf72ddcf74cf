// A minimal message queue between demo services, traced the way real broker clients are: a
// PRODUCER span on publish, trace context carried in the message headers, and a CONSUMER span
// on processing parented by (and linked to) that context. The transport itself, one HTTP POST
// to the consumer's /queue/<topic>, is the "broker" and stays untraced like a broker would.
import type http from "node:http";
import { randomUUID } from "node:crypto";
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Tracer,
} from "@opentelemetry/api";
import { suppressTracing } from "@opentelemetry/core";
import { requestJson } from "./http-client";
import type { RawHandler } from "./http-server";
import { QUEUE_PATH_PREFIX } from "./telemetry";

// Incubating messaging semconv keys, copied rather than imported from `/incubating`.
const ATTR_MESSAGING_SYSTEM = "messaging.system";
const ATTR_MESSAGING_DESTINATION_NAME = "messaging.destination.name";
const ATTR_MESSAGING_OPERATION_TYPE = "messaging.operation.type";
const ATTR_MESSAGING_OPERATION_NAME = "messaging.operation.name";
const ATTR_MESSAGING_MESSAGE_ID = "messaging.message.id";
/** Not one of the well-known values: this queue is the demo's own. */
const MESSAGING_SYSTEM = "flowprint_demo_queue";

interface Envelope {
  messageId: string;
  /** W3C `traceparent` (and `tracestate`, `baggage`) of the publishing span. */
  headers: Record<string, string>;
  payload: unknown;
}

/** Publishes inside a PRODUCER span; resolves once the consumer has accepted the message. */
export function publish(tracer: Tracer, consumerUrl: string, topic: string, payload: unknown): Promise<void> {
  const messageId = randomUUID();
  return tracer.startActiveSpan(
    `send ${topic}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        [ATTR_MESSAGING_SYSTEM]: MESSAGING_SYSTEM,
        [ATTR_MESSAGING_DESTINATION_NAME]: topic,
        [ATTR_MESSAGING_OPERATION_TYPE]: "send",
        [ATTR_MESSAGING_OPERATION_NAME]: "send",
        [ATTR_MESSAGING_MESSAGE_ID]: messageId,
      },
    },
    async (span) => {
      try {
        const envelope: Envelope = { messageId, headers: {}, payload };
        propagation.inject(context.active(), envelope.headers);
        // The transport POST is the broker's business, not a span of the producer's trace.
        const response = await context.with(suppressTracing(context.active()), () =>
          requestJson(`${consumerUrl}${QUEUE_PATH_PREFIX}${encodeURIComponent(topic)}`, {
            method: "POST",
            body: envelope,
          }),
        );
        if (response.status !== 202) throw new Error(`queue refused message: HTTP ${response.status}`);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

export type MessageHandler = (payload: unknown) => Promise<void>;

export interface QueueReceiver {
  /** Plug into listen(): accepts POST /queue/<topic> and answers 202 before processing. */
  raw: RawHandler;
  /** Resolves when every accepted message has been processed (for a clean shutdown). */
  drain(): Promise<void>;
}

export function createQueueReceiver(tracer: Tracer, handlers: Record<string, MessageHandler>): QueueReceiver {
  const pending = new Set<Promise<void>>();

  function consume(topic: string, envelope: Envelope, handler: MessageHandler): Promise<void> {
    // From ROOT_CONTEXT: the delivery request ran with tracing suppressed, and the message's
    // own headers, not the delivery, say which trace it belongs to.
    const producerContext = propagation.extract(ROOT_CONTEXT, envelope.headers);
    const producerSpan = trace.getSpanContext(producerContext);
    const span = tracer.startSpan(
      `process ${topic}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          [ATTR_MESSAGING_SYSTEM]: MESSAGING_SYSTEM,
          [ATTR_MESSAGING_DESTINATION_NAME]: topic,
          [ATTR_MESSAGING_OPERATION_TYPE]: "process",
          [ATTR_MESSAGING_OPERATION_NAME]: "process",
          [ATTR_MESSAGING_MESSAGE_ID]: envelope.messageId,
        },
        // Parented so the consumer joins the order's trace; linked as messaging semconv asks.
        links: producerSpan ? [{ context: producerSpan }] : [],
      },
      producerContext,
    );
    return context.with(trace.setSpan(producerContext, span), async () => {
      try {
        await handler(envelope.payload);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      } finally {
        span.end();
      }
    });
  }

  const raw: RawHandler = (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (!request.url?.startsWith(QUEUE_PATH_PREFIX) || request.method !== "POST") return false;
    const topic = decodeURIComponent(request.url.slice(QUEUE_PATH_PREFIX.length));
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const handler = handlers[topic];
      let envelope: Envelope;
      try {
        envelope = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Envelope;
      } catch {
        response.writeHead(400).end();
        return;
      }
      if (!handler) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(202, { "content-type": "application/json" }).end("{}");
      // A few milliseconds of queue lag, so consumer spans start after the producer's ends.
      const done = new Promise<void>((resolve) => setTimeout(resolve, 2 + Math.random() * 15))
        .then(() => consume(topic, envelope, handler))
        .finally(() => pending.delete(done));
      pending.add(done);
    });
    return true;
  };

  return {
    raw,
    drain: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
