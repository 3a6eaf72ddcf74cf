// JSON as people read it: indented, but an object or array that fits on the line stays on one
// line (`{ "type": "string" }`, `["id", "status"]`), so a schema is not three times as tall as
// its content. The output is still valid JSON, equal to the input.

/** `width` is the line length (characters) objects and arrays are kept within when they fit. */
export function formatJson(value: unknown, width = 56): string {
  return layout(value, "", 0, width);
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = definedEntries(value);
    return entries.length === 0 ? "{}" : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(", ")} }`;
  }
  // undefined, functions and symbols are null in an array, as JSON.stringify writes them.
  return JSON.stringify(value) ?? "null";
}

/** `column` is where the value starts on its line (after the indent and any key). */
function layout(value: unknown, indent: string, column: number, width: number): string {
  const one = inline(value);
  if (value === null || typeof value !== "object" || column + one.length <= width) return one;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== "object")) return `[\n${fillLines(value.map(inline), inner, width)}\n${indent}]`;
    return `[\n${value.map((v) => inner + layout(v, inner, inner.length, width)).join(",\n")}\n${indent}]`;
  }
  const entries = definedEntries(value);
  return `{\n${entries
    .map(([k, v]) => {
      const key = `${JSON.stringify(k)}: `;
      return inner + key + layout(v, inner, inner.length + key.length, width);
    })
    .join(",\n")}\n${indent}}`;
}

/** Scalars packed onto as few lines as fit (a `required` list reads as a sentence, not a column). */
function fillLines(items: string[], indent: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const [i, item] of items.entries()) {
    const text = i < items.length - 1 ? `${item},` : item;
    if (line !== "" && indent.length + line.length + 1 + text.length > width) {
      lines.push(indent + line);
      line = text;
    } else line = line === "" ? text : `${line} ${text}`;
  }
  lines.push(indent + line);
  return lines.join("\n");
}

function definedEntries(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol");
}
