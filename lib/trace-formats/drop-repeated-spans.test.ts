import { describe, expect, it } from "vitest";
import type { Span } from "../otlp";
import { dropRepeatedSpans } from "./drop-repeated-spans";

const span = (traceId: string, spanId: string, name = "op") => ({ traceId, spanId, name }) as Span;

describe("dropRepeatedSpans", () => {
  it("keeps every span when no id repeats within a trace", () => {
    const spans = [span("t1", "s1"), span("t1", "s2"), span("t2", "s1")];
    expect(dropRepeatedSpans(spans, "f.json")).toEqual({ spans, repeated: 0 });
  });

  it("keeps the first of a repeated id and names it", () => {
    const result = dropRepeatedSpans([span("t1", "s1", "first"), span("t1", "s1", "second"), span("t1", "s2")], "ui.json");
    expect(result.spans.map((s) => s.name)).toEqual(["first", "op"]);
    expect(result).toMatchObject({ repeated: 1, problem: { where: "ui.json", message: "holds a span id twice within its trace (span s1 of trace t1): the first is stored, the repeat left out." } });
  });

  it("counts every repeat in one problem", () => {
    const result = dropRepeatedSpans([span("t1", "s1"), span("t1", "s1"), span("t2", "s9"), span("t2", "s9"), span("t2", "s9")]);
    expect(result.spans).toHaveLength(2);
    expect(result.problem).toEqual({ where: "the file", message: "holds 3 repeats of span ids within their traces (the first: span s1 of trace t1): the first of each is stored, the repeats left out." });
  });
});
