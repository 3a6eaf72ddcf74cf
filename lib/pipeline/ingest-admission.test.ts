import { describe, expect, it } from "vitest";
import { IngestAdmission } from "./ingest-admission";

describe("IngestAdmission", () => {
  it("admits up to the limit and again after a request leaves", () => {
    const admission = new IngestAdmission(2);
    expect(admission.tryEnter()).toBe(true);
    expect(admission.tryEnter()).toBe(true);
    expect(admission.tryEnter()).toBe(false);
    expect(admission.current).toBe(2);
    admission.leave();
    expect(admission.tryEnter()).toBe(true);
  });
});
