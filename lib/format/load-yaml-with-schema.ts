// A YAML file checked against a zod schema: syntax errors and schema violations both come back
// with the line and column they are on, so a user can fix the file without guessing.
import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { z } from "zod";

export interface FileProblem {
  message: string;
  line: number;
  column: number;
  /** Dotted path of the offending field, e.g. `cases.0.assertions.1`. */
  path: string;
}

export type YamlLoadResult<T> = { ok: true; value: T } | { ok: false; problems: FileProblem[] };

/** The YAML node at `path`, or the deepest existing ancestor: where to point the user. */
function nodeAt(root: Node | null, path: readonly PropertyKey[]): Node | null {
  let node = root;
  for (const key of path) {
    let next: unknown = null;
    if (isMap(node)) next = node.get(key as string, true) ?? null;
    else if (isSeq(node) && typeof key === "number") next = node.get(key, true) ?? null;
    if (!next || typeof next !== "object") break;
    node = next as Node;
  }
  return node;
}

export function loadYamlWithSchema<S extends z.ZodType>(text: string, schema: S): YamlLoadResult<z.output<S>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { message: error.message.split("\n")[0], line, column: col, path: "" };
      }),
    };
  }
  const parsed = schema.safeParse(document.toJS());
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues
      .map((issue) => {
        // An unknown key is pointed at itself, not at the object holding it.
        const where = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]] : issue.path;
        const node = nodeAt(document.contents as Node | null, where);
        const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
        const path = issue.path.join(".");
        return { message: `${path || "file"}: ${issue.message}`, line, column: col, path };
      })
      .sort((a, b) => a.line - b.line || a.column - b.column),
  };
}

export function formatFileProblems(file: string, problems: readonly FileProblem[]): string {
  return problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`).join("\n");
}
