// The signature every delivery carries, so a receiver can tell Flowprint sent the body unchanged:
// `Flowprint-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed by the secret>`.
// The timestamp is signed too, so a captured request cannot be replayed later with a new one.
import { createHmac } from "node:crypto";

export const SIGNATURE_HEADER = "Flowprint-Signature";
export const EVENT_HEADER = "Flowprint-Event";
export const DELIVERY_HEADER = "Flowprint-Delivery";

export function webhookSignatureHex(secret: string, timestampS: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestampS}.${body}`).digest("hex");
}

export function signWebhookPayload(secret: string, body: string, timestampS: number): string {
  return `t=${timestampS},v1=${webhookSignatureHex(secret, timestampS, body)}`;
}
