// How a receiver checks a delivery (README, Webhooks): recompute the HMAC over the raw body as
// received and compare in constant time, refusing timestamps too far from its own clock.
import { timingSafeEqual } from "node:crypto";
import { webhookSignatureHex } from "./sign-webhook-payload";

export type WebhookSignatureCheck = { valid: true; timestampS: number } | { valid: false; reason: "malformed" | "expired" | "mismatch" };

export interface VerifyWebhookSignatureInput {
  secret: string;
  /** The raw request body, byte for byte: re-serialized JSON would not match. */
  body: string;
  /** The Flowprint-Signature header. */
  header: string | null | undefined;
  /** The receiver's clock, unix seconds. */
  nowS?: number;
  /** How far the signed timestamp may be from nowS; default 300 s. */
  toleranceS?: number;
}

export function verifyWebhookSignature(input: VerifyWebhookSignatureInput): WebhookSignatureCheck {
  const parts = new Map<string, string[]>();
  for (const part of (input.header ?? "").split(",")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    const key = part.slice(0, at).trim();
    parts.set(key, [...(parts.get(key) ?? []), part.slice(at + 1).trim()]);
  }
  const t = parts.get("t")?.[0];
  const signatures = parts.get("v1") ?? [];
  if (!t || !/^\d+$/.test(t) || signatures.length === 0) return { valid: false, reason: "malformed" };
  const timestampS = Number(t);
  const nowS = input.nowS ?? Math.floor(Date.now() / 1000);
  if (Math.abs(nowS - timestampS) > (input.toleranceS ?? 300)) return { valid: false, reason: "expired" };
  const expected = Buffer.from(webhookSignatureHex(input.secret, timestampS, input.body), "hex");
  const matches = signatures.some((candidate) => {
    if (!/^[0-9a-f]{64}$/i.test(candidate)) return false;
    return timingSafeEqual(Buffer.from(candidate, "hex"), expected);
  });
  return matches ? { valid: true, timestampS } : { valid: false, reason: "mismatch" };
}
