import { describe, expect, it } from "vitest";
import type { Span } from "../otlp/span";
import { chunkSpansByTrace } from "./chunk-spans-by-trace";

const span = (traceId: string, spanId: string) => ({ traceId, spanId }) as Span;
const ids = (chunks: Span[][]) => chunks.map((chunk) => chunk.map((s) => `${s.traceId}/${s.spanId}`));

describe("chunkSpansByTrace", () => {
  it("keeps each trace whole and packs traces in file order up to the size", () => {
    const spans = [span("a", "1"), span("b", "1"), span("a", "2"), span("c", "1"), span("c", "2"), span("d", "1")];
    expect(ids(chunkSpansByTrace(spans, 3))).toEqual([["a/1", "a/2", "b/1"], ["c/1", "c/2", "d/1"]]);
  });

  it("gives a trace larger than the size a piece of its own", () => {
    const spans = [span("a", "1"), span("b", "1"), span("b", "2"), span("b", "3"), span("c", "1")];
    expect(ids(chunkSpansByTrace(spans, 2))).toEqual([["a/1"], ["b/1", "b/2", "b/3"], ["c/1"]]);
  });

  it("makes no piece of nothing", () => {
    expect(chunkSpansByTrace([], 10)).toEqual([]);
  });
});
