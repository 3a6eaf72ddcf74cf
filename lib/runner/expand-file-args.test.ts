import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expandFileArgs } from "./expand-file-args";

describe("expandFileArgs", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "flowprint-runner-files-"));
  for (const name of ["b.yaml", "a.yml", "notes.txt", "c.yaml"]) writeFileSync(path.join(dir, name), "");
  mkdirSync(path.join(dir, "empty"));

  it("keeps plain paths as given, existing or not, and drops repeats", () => {
    expect(expandFileArgs(["x.yaml", "missing.yaml", "x.yaml"])).toEqual([{ file: "x.yaml" }, { file: "missing.yaml" }]);
  });

  it("runs the YAML files of a directory in name order", () => {
    expect(expandFileArgs([dir])).toEqual(["a.yml", "b.yaml", "c.yaml"].map((n) => ({ file: path.join(dir, n) })));
  });

  it("matches * and ? in a file name", () => {
    expect(expandFileArgs([path.join(dir, "*.yaml")])).toEqual(["b.yaml", "c.yaml"].map((n) => ({ file: path.join(dir, n) })));
    expect(expandFileArgs([path.join(dir, "?.y*ml"), path.join(dir, "b.yaml")])).toEqual(["a.yml", "b.yaml", "c.yaml"].map((n) => ({ file: path.join(dir, n) })));
  });

  it("says, in its place, when a pattern or a directory holds nothing to run", () => {
    const pattern = path.join(dir, "*.json");
    const empty = path.join(dir, "empty");
    expect(expandFileArgs(["first.yaml", pattern, empty, "last.yaml"])).toEqual([
      { file: "first.yaml" },
      { error: { file: pattern, message: `${pattern}: no files match` } },
      { error: { file: empty, message: `${empty}: no .yaml or .yml files in this directory` } },
      { file: "last.yaml" },
    ]);
  });
});
