import { describe, expect, it } from "vitest";
import { byteLength, clipText } from "./clip-text";

describe("clipText", () => {
  it("keeps text that fits and cuts the rest to the byte bound, saying how long it was", () => {
    expect(clipText("short", 10)).toBe("short");
    const clipped = clipText("x".repeat(5000), 2048);
    expect(byteLength(clipped)).toBeLessThanOrEqual(2048);
    expect(clipped).toMatch(/^x+…\[cut, 5000 bytes\]$/);
  });

  it("never splits a multi-byte character", () => {
    const clipped = clipText("é".repeat(100), 40);
    expect(byteLength(clipped)).toBeLessThanOrEqual(40);
    expect(clipped).toMatch(/^é+…\[cut, 200 bytes\]$/);
  });
});
