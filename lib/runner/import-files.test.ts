import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentTypeOf, findImportFiles, reason } from "./import-files";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "flowprint-import-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

const paths = (found: ReturnType<typeof findImportFiles>, root: string) => {
  if (!found.ok) throw new Error(found.problems.join("\n"));
  return found.files.map((f) => path.relative(root, f.path));
};

describe("contentTypeOf", () => {
  it("sends .json as JSON and JSON Lines as NDJSON, ignoring the case of the extension", () => {
    expect(contentTypeOf("trace.json")).toBe("application/json");
    expect(contentTypeOf("TRACE.JSON")).toBe("application/json");
    expect(contentTypeOf("spans.jsonl")).toBe("application/x-ndjson");
    expect(contentTypeOf("spans.ndjson")).toBe("application/x-ndjson");
    expect(contentTypeOf("spans.json.gz")).toBeNull();
    expect(contentTypeOf("notes.txt")).toBeNull();
  });
});

describe("findImportFiles", () => {
  it("finds every trace file below a directory, depth first, names sorted in each directory", () => {
    const root = tree({
      "b.jsonl": "{}",
      "a.json": "{}",
      "notes.txt": "x",
      "a/z.ndjson": "{}",
      "a/y/deep.json": "{}",
      "a-b/x.json": "{}",
      "C.json": "{}",
      "a/readme.md": "x",
    });
    expect(paths(findImportFiles([root]), root)).toEqual(["C.json", "a/y/deep.json", "a/z.ndjson", "a-b/x.json", "a.json", "b.jsonl"]);
  });

  it("describes each file: base name, size and content type", () => {
    const root = tree({ "dir/spans.jsonl": "{}\n{}\n" });
    expect(findImportFiles([path.join(root, "dir")])).toEqual({
      ok: true,
      files: [{ path: path.join(root, "dir", "spans.jsonl"), name: "spans.jsonl", bytes: 6, contentType: "application/x-ndjson" }],
    });
  });

  it("keeps the order of the arguments, sending a file named twice once", () => {
    const root = tree({ "z.json": "{}", "d/a.json": "{}", "d/b.json": "{}" });
    expect(paths(findImportFiles([path.join(root, "z.json"), path.join(root, "d"), path.join(root, "d", "a.json")]), root)).toEqual(["z.json", "d/a.json", "d/b.json"]);
  });

  it("follows a linked file but not a linked directory, which could loop", () => {
    const root = tree({ "real/a.json": "{}", "other/b.json": "{}" });
    symlinkSync(path.join(root, "other", "b.json"), path.join(root, "real", "link.json"));
    symlinkSync(root, path.join(root, "real", "loop"));
    expect(paths(findImportFiles([path.join(root, "real")]), root)).toEqual(["real/a.json", "real/link.json"]);
  });

  it("names every path that holds nothing to send, so nothing is sent", () => {
    const root = tree({ "ok.json": "{}", "empty/notes.txt": "x", "notes.txt": "x" });
    expect(findImportFiles([path.join(root, "ok.json"), path.join(root, "missing.json"), path.join(root, "empty"), path.join(root, "notes.txt")])).toEqual({
      ok: false,
      problems: [
        `${path.join(root, "missing.json")}: no such file or directory`,
        `${path.join(root, "empty")}: no .json, .jsonl or .ndjson files in this directory or below it`,
        `${path.join(root, "notes.txt")}: not a trace file (.json, .jsonl or .ndjson)`,
      ],
    });
  });

  it("says a path it may not read is refused, in the words of ls", () => {
    const denied = Object.assign(new Error("EACCES: permission denied, access '/x'"), { code: "EACCES" });
    expect(reason(denied)).toBe("permission denied");
    expect(reason(Object.assign(new Error("gone"), { code: "ENOENT" }))).toBe("no such file or directory");
    expect(reason(Object.assign(new Error("EIO: i/o error"), { code: "EIO" }))).toBe("EIO: i/o error");
  });
});
