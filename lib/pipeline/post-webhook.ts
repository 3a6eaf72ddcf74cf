// One delivery attempt over HTTP: POST the body, signed, and report what the receiver answered
// (or why nothing came back) and how long it took.
import http from "node:http";
import https from "node:https";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhookPayload } from "../webhooks/sign-webhook-payload";

export interface WebhookRequest {
  url: string;
  /** The JSON body, sent as is. */
  body: string;
  secret: string;
  event: string;
  deliveryId: string;
  /** The signature's timestamp, unix seconds. */
  timestampS: number;
  timeoutMs: number;
}

export interface WebhookResponse {
  /** null when no response came. */
  statusCode: number | null;
  latencyMs: number;
  /** Why the attempt failed: a network error, the timeout, or a non-2xx answer and the start of its body. */
  error: string | null;
}

/** Enough of a receiver's error body to tell what it said. */
const MAX_ERROR_BODY_CHARS = 200;

export function postWebhook(request: WebhookRequest): Promise<WebhookResponse> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const body = Buffer.from(request.body, "utf8");
  const url = new URL(request.url);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (response: Omit<WebhookResponse, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...response, latencyMs: latency() });
    };
    const req = client.request(
      url,
      {
        method: "POST",
        // A connection per attempt: attempts are minutes apart, and a kept-alive socket that the
        // receiver closed meanwhile would fail an attempt that a fresh one would deliver.
        agent: false,
        headers: {
          "content-type": "application/json",
          "content-length": body.length,
          "user-agent": "Flowprint-Webhooks",
          [SIGNATURE_HEADER]: signWebhookPayload(request.secret, request.body, request.timestampS),
          [EVENT_HEADER]: request.event,
          [DELIVERY_HEADER]: request.deliveryId,
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (text.length < MAX_ERROR_BODY_CHARS) text += chunk;
        });
        // Redirects are not followed: the signature is for the URL the user configured.
        const done = () =>
          finish({ statusCode: status, error: status >= 200 && status < 300 ? null : `answered ${status}${text.trim() ? `: ${text.trim().slice(0, MAX_ERROR_BODY_CHARS)}` : ""}` });
        res.on("end", done);
        res.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, error: `no answer within ${request.timeoutMs} ms` });
      req.destroy();
    }, request.timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => finish({ statusCode: null, error: error.message || error.code || "request failed" }));
    req.end(body);
  });
}
