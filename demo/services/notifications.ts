// notifications: consumes `order.created` and e-mails the customer through an SMTP relay that
// sends no traces of its own, so its CLIENT span carries `peer.service` to name it.
import { SpanKind, type Tracer } from "@opentelemetry/api";
import { createQueueReceiver } from "../message-queue";
import { simulateWork } from "../latency";
import { ATTR_PEER_SERVICE } from "../telemetry";
import type { OrderCreatedMessage } from "./orders";
import type { CreateService } from "./service-definition";

async function sendEmail(tracer: Tracer, to: string): Promise<void> {
  await tracer.startActiveSpan(
    "smtp send",
    {
      kind: SpanKind.CLIENT,
      attributes: {
        [ATTR_PEER_SERVICE]: "smtp-relay",
        "server.address": "smtp.example.test",
        "server.port": 587,
        "network.protocol.name": "smtp",
      },
    },
    async (span) => {
      try {
        span.setAttribute("email.recipient.domain", to.split("@")[1] ?? "");
        await simulateWork(15, 50);
      } finally {
        span.end();
      }
    },
  );
}

export const createService: CreateService = ({ tracer }) => {
  const receiver = createQueueReceiver(tracer, {
    "order.created": async (payload) => {
      const message = payload as OrderCreatedMessage;
      await simulateWork(2, 8); // render the template
      await sendEmail(tracer, `${message.customerId}@example.test`);
    },
  });
  return { routes: [], raw: receiver.raw, drain: receiver.drain };
};
