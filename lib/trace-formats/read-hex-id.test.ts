import { describe, expect, it } from "vitest";
import { padHexId, readHexId } from "./read-hex-id";

describe("padHexId", () => {
  it("pads on the left and lowercases, as Jaeger and Zipkin read ids", () => {
    expect(padHexId("ABC", 16)).toBe("0000000000000abc");
    expect(padHexId("df84e36b9e2ee3815d07f0867a5be1f", 32)).toBe("0df84e36b9e2ee3815d07f0867a5be1f");
  });

  it("refuses what is not hex or too long", () => {
    expect(padHexId("span-1", 16)).toBeUndefined();
    expect(padHexId("", 16)).toBeUndefined();
    expect(padHexId("1".repeat(17), 16)).toBeUndefined();
  });
});

describe("readHexId", () => {
  it("says what is wrong, at the path", () => {
    expect(() => readHexId("0", "spans[0].spanID", "span id")).toThrow("is all zeros, which is not a valid span id.");
    expect(() => readHexId(42, "spans[0].traceID", "trace id")).toThrow("must be a trace id of up to 32 hex digits, not the number 42.");
    expect(readHexId("1", "x", "trace id")).toBe(`${"0".repeat(31)}1`);
  });
});
