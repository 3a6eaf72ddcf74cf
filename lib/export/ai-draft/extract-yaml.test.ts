import { describe, expect, it } from "vitest";
import { extractYaml } from "./extract-yaml";

describe("extractYaml", () => {
  it("takes the content of a yaml fence, ignoring the prose around it", () => {
    expect(extractYaml("Here is the test:\n\n```yaml\nversion: 1\nname: x\n```\n\nIt creates an order first.")).toBe("version: 1\nname: x\n");
    expect(extractYaml("```yml\nversion: 1\n```")).toBe("version: 1\n");
  });

  it("prefers a yaml fence over another fence, and takes an unlabelled fence when it is the only one", () => {
    expect(extractYaml("```json\n{}\n```\n```yaml\nversion: 1\n```")).toBe("version: 1\n");
    expect(extractYaml("```\nversion: 1\n```")).toBe("version: 1\n");
  });

  it("reads an answer cut off inside its fence", () => {
    expect(extractYaml("```yaml\nversion: 1\nname: cut")).toBe("version: 1\nname: cut\n");
  });

  it("reads bare YAML, skipping a sentence before it, and keeps indentation", () => {
    expect(extractYaml("version: 1\ntrigger:\n  id: a\n")).toBe("version: 1\ntrigger:\n  id: a\n");
    expect(extractYaml("Sure!\nversion: 1\n")).toBe("version: 1\n");
    expect(extractYaml("   ")).toBe("");
  });
});
