import { describe, expect, it } from "vitest";
import { evalDatasetFileName } from "./eval-dataset-file-name";

describe("evalDatasetFileName", () => {
  it("names a trace's dataset by the trace id's first 8 hex", () => {
    expect(evalDatasetFileName("4BF92F3577B34DA6A3CE929D0E0E4736")).toBe("trace-4bf92f35.eval.yaml");
  });
  it("slugs a selection's name", () => {
    expect(evalDatasetFileName("gpt-4o · last 24 h")).toBe("gpt-4o-last-24-h.eval.yaml");
    expect(evalDatasetFileName("***")).toBe("dataset.eval.yaml");
  });
});
