import { describe, expect, it } from "vitest";
import type { FlowprintRequest } from "../export/flowprint-test.schema";
import { checkReferences } from "./check-references";

const request = (id: string, fields: Partial<FlowprintRequest> = {}): FlowprintRequest => ({ id, method: "GET", url: "{{base_url}}/x", ...fields });

describe("checkReferences", () => {
  it("accepts variables and responses of earlier requests", () => {
    const requests = [
      request("create", { method: "POST", body: { qty: "{{qty}}" } }),
      request("read", { url: "{{base_url}}/orders/{{create.body.id}}", headers: { "if-match": "{{create.headers.etag}}" } }),
    ];
    expect(checkReferences(requests, { base_url: "http://x", qty: 1 })).toEqual([]);
  });

  it("names unknown variables and requests that have not run yet, where they are used", () => {
    const requests = [request("create", { url: "{{base_url}}/{{read.body.id}}", headers: { auth: "{{token}}" } }), request("read", { body: { x: "{{create.stauts}}" } })];
    expect(checkReferences(requests, { base_url: "http://x" })).toEqual([
      "trigger create: {{read.body.id}} uses the response of read, which is not sent before it",
      "trigger create: unknown variable {{token}}",
      "step read: {{create.stauts}}: a response value is create.status, create.body.<path> or create.headers.<name>",
    ]);
  });

  it("does not count a request as earlier than itself", () => {
    expect(checkReferences([request("a", { url: "{{a.headers.location}}" })], {})).toEqual(["trigger a: {{a.headers.location}} uses the response of a, which is not sent before it"]);
  });
});
