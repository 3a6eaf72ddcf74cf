// Which side of a topic a messaging span is on. The span kind says it for most
// instrumentations; pull consumers and some publishers record CLIENT spans and say it only
// through the operation type.
import { readTextAttribute } from "../traces/read-text-attribute";
import type { TraceSpan } from "../traces/trace-span";
import { CONSUMER_KIND, PRODUCER_KIND } from "./span-kinds";

export type MessagingRole = "publish" | "consume";

// messaging.operation.type (semconv ≥ 1.26), messaging.operation (older).
const OPERATION_KEYS = ["messaging.operation.type", "messaging.operation"];
// "create" and "send" are the current producer operations, "publish" the older one;
// "receive" and "process" the consumer ones, "deliver" an older spelling of "process".
// "settle" (ack/nack) is neither: it neither sends nor takes a message.
const PUBLISH_OPERATIONS = new Set(["create", "send", "publish"]);
const CONSUME_OPERATIONS = new Set(["receive", "process", "deliver"]);

/**
 * "publish" for a PRODUCER span or a publishing operation, "consume" for a CONSUMER span or
 * a receive/process operation, null otherwise. The kind wins over the operation type: it is
 * set by the SDK for every span, the operation type only by newer instrumentations.
 */
export function classifyMessagingRole(span: Pick<TraceSpan, "kind" | "attributes">): MessagingRole | null {
  if (span.kind === PRODUCER_KIND) return "publish";
  if (span.kind === CONSUMER_KIND) return "consume";
  const operation = readTextAttribute(span.attributes, OPERATION_KEYS)?.toLowerCase();
  if (operation === undefined) return null;
  if (PUBLISH_OPERATIONS.has(operation)) return "publish";
  if (CONSUME_OPERATIONS.has(operation)) return "consume";
  return null;
}
