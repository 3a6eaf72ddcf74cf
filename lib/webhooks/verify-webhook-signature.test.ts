import { describe, expect, it } from "vitest";
import { signWebhookPayload } from "./sign-webhook-payload";
import { verifyWebhookSignature } from "./verify-webhook-signature";

// Computed outside this code: printf '%s' '1795362179.<body>' | openssl dgst -sha256 -hmac 'whsec_8Jd3kq2LxQ'
const SECRET = "whsec_8Jd3kq2LxQ";
const BODY = '{"id":"0b6f3a52-1f0c-4a8e-9d2b-6f1c2a3b4c5d","event":"drift.opened"}';
const T = 1_795_362_179;
const HEADER = `t=${T},v1=1c9ba1ebfe1d9fcbada90fe2a8d10370e550a377a7ee8062b163b6c2a7f488cf`;

describe("webhook signatures", () => {
  it("signs the fixed vector as openssl does", () => {
    expect(signWebhookPayload(SECRET, BODY, T)).toBe(HEADER);
  });

  it("verifies the fixed vector within the tolerance", () => {
    expect(verifyWebhookSignature({ secret: SECRET, body: BODY, header: HEADER, nowS: T + 299 })).toEqual({ valid: true, timestampS: T });
    expect(verifyWebhookSignature({ secret: SECRET, body: BODY, header: ` t=${T} , v1=${HEADER.split("v1=")[1].toUpperCase()} `, nowS: T })).toEqual({ valid: true, timestampS: T });
  });

  it.each([
    ["another secret", { secret: "whsec_other" }, "mismatch"],
    ["a changed body", { body: BODY.replace("drift", "drifts") }, "mismatch"],
    ["a changed timestamp", { header: HEADER.replace(`t=${T}`, `t=${T + 1}`), nowS: T + 1 }, "mismatch"],
    ["an old timestamp", { nowS: T + 301 }, "expired"],
    ["a timestamp from the future", { nowS: T - 301 }, "expired"],
    ["no header", { header: null }, "malformed"],
    ["no v1", { header: `t=${T}` }, "malformed"],
    ["a timestamp that is not a number", { header: HEADER.replace(`t=${T}`, "t=soon") }, "malformed"],
    ["a short signature", { header: `t=${T},v1=abcd` }, "mismatch"],
  ])("refuses %s", (_what, change, reason) => {
    expect(verifyWebhookSignature({ secret: SECRET, body: BODY, header: HEADER, nowS: T, ...change })).toEqual({ valid: false, reason });
  });
});
