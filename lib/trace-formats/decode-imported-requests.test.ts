import { describe, expect, it } from "vitest";
import { decodeImportedRequests } from "./decode-imported-requests";

const span = { traceId: "5b8efff798038103d269b633813fc60c", spanId: "eee19b7ec3c1b174", name: "op", startTimeUnixNano: "1", endTimeUnixNano: "2" };

describe("decodeImportedRequests", () => {
  it("decodes every request and words the decoder's verdicts at the request's place", () => {
    const decoded = decodeImportedRequests(
      [
        { request: { resourceSpans: [{ scopeSpans: [{ spans: [span, { ...span, spanId: "eee19b7ec3c1b175", name: "" }] }] }] }, where: "a.jsonl:1", spanCount: 2 },
        { request: { resourceSpans: [{ scopeSpans: [{ spans: [{ ...span, kind: "sideways" }] }] }] }, where: "a.jsonl:2", spanCount: 1 },
      ],
      "ws",
      0,
    );
    expect(decoded.spans.map((s) => s.spanId)).toEqual(["eee19b7ec3c1b174"]);
    expect(decoded.rejectedSpans).toBe(2);
    expect(decoded.problems).toEqual([
      { where: "a.jsonl:1", message: "1 span rejected: 1 without a name." },
      { where: "a.jsonl:2", message: expect.stringMatching(/^resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\.kind must be one of/) },
    ]);
  });
});
