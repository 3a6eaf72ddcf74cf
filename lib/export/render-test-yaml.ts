// YAML text of an exported test, with a header saying where it came from and how to run it,
// and notes as comments at the places they are about (a kept id, an unrecorded body).
import { Document, isMap, isSeq, type Node } from "yaml";

export interface YamlNote {
  path: readonly (string | number)[];
  message: string;
}

function addComment(node: Node, message: string): void {
  node.commentBefore = [node.commentBefore, ` ${message}`].filter(Boolean).join("\n");
}

function attach(document: Document, note: YamlNote): void {
  const key = note.path.at(-1);
  const parent = note.path.length > 1 ? document.getIn(note.path.slice(0, -1), true) : document.contents;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => ((p.key as { value?: unknown })?.value ?? p.key) === key);
    if (pair) return addComment(pair.key as Node, note.message);
  }
  if (isSeq(parent) && typeof key === "number" && parent.items[key]) return addComment(parent.items[key] as Node, note.message);
  // A place that is not in the file (a value removed since) still gets said, at the top.
  if (document.contents) addComment(document.contents as Node, note.message);
}

export function renderTestYaml(document: unknown, header: string[], notes: readonly YamlNote[] = []): string {
  const comments = header.map((line) => `# ${line}`.trimEnd()).join("\n");
  const doc = new Document(document);
  for (const note of notes) attach(doc, note);
  return `${comments}\n${doc.toString({ lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" })}`;
}
