import { describe, expect, it } from "vitest";
import { SpanKind, type Attributes, type SpanKindNumber } from "../otlp/span";
import { classifyMessagingRole } from "./classify-messaging-role";

describe("classifyMessagingRole", () => {
  it.each<[string, SpanKindNumber, Attributes, string | null]>([
    ["a PRODUCER span", SpanKind.PRODUCER, {}, "publish"],
    ["a CONSUMER span", SpanKind.CONSUMER, {}, "consume"],
    ["the kind over the operation type", SpanKind.PRODUCER, { "messaging.operation.type": "receive" }, "publish"],
    ["a CLIENT span that creates (current)", SpanKind.CLIENT, { "messaging.operation.type": "create" }, "publish"],
    ["a CLIENT span that sends (current)", SpanKind.CLIENT, { "messaging.operation.type": "send" }, "publish"],
    ["an INTERNAL span that publishes (older)", SpanKind.INTERNAL, { "messaging.operation": "publish" }, "publish"],
    ["a CLIENT span that receives (current)", SpanKind.CLIENT, { "messaging.operation.type": "receive" }, "consume"],
    ["an INTERNAL span that processes (older)", SpanKind.INTERNAL, { "messaging.operation": "process" }, "consume"],
    ["the older deliver spelling", SpanKind.INTERNAL, { "messaging.operation.type": "deliver" }, "consume"],
    ["operation types in upper case", SpanKind.CLIENT, { "messaging.operation.type": "SEND" }, "publish"],
    ["a settle span", SpanKind.CLIENT, { "messaging.operation.type": "settle" }, null],
    ["a span without messaging", SpanKind.SERVER, {}, null],
  ])("reads %s", (_, kind, attributes, expected) => {
    expect(classifyMessagingRole({ kind, attributes })).toBe(expected);
  });
});
