// The representative trace as a model reads it best: one line per span, indented by depth,
// with the attributes that say what the span did, and its recorded bodies clipped.
import { byteLength, clipText } from "./clip-text";
import type { DraftSpan } from "./draft-types";

/** What a span did, by the current and the older semantic-convention keys. */
const KEY_ATTRIBUTES = [
  "http.request.method",
  "http.method",
  "http.route",
  "url.path",
  "url.query",
  "http.target",
  "http.response.status_code",
  "http.status_code",
  "server.address",
  "peer.service",
  "rpc.system",
  "rpc.service",
  "rpc.method",
  "db.system.name",
  "db.system",
  "db.namespace",
  "db.name",
  "db.operation.name",
  "db.collection.name",
  "db.query.text",
  "db.statement",
  "messaging.system",
  "messaging.destination.name",
  "messaging.destination",
  "messaging.operation.type",
  "error.type",
];

const BODY_ATTRIBUTES: [key: string, label: string][] = [
  ["http.request.body", "request body"],
  ["http.response.body", "response body"],
];

/** A query text is context, not a sample: a short one says enough. */
const MAX_ATTRIBUTE_BYTES = 300;

function attributeText(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return clipText(text ?? "", MAX_ATTRIBUTE_BYTES);
}

function spanLines(span: DraftSpan, maxBodyBytes: number): string[] {
  const indent = "  ".repeat(span.depth);
  const status = span.statusMessage ? `${span.status}: ${clipText(span.statusMessage, MAX_ATTRIBUTE_BYTES)}` : span.status;
  const keys = KEY_ATTRIBUTES.filter((key) => span.attributes[key] !== undefined && span.attributes[key] !== null).map((key) => `${key}=${attributeText(span.attributes[key])}`);
  const head = `${indent}- [${span.service}] ${span.name} (${span.kind}, ${status}, ${Math.round(span.durationMs * 100) / 100} ms)${keys.length ? ` ${keys.join(" ")}` : ""}`;
  const bodies = BODY_ATTRIBUTES.filter(([key]) => typeof span.attributes[key] === "string" && span.attributes[key] !== "").map(
    ([key, label]) => `${indent}  ${label}: ${clipText(span.attributes[key] as string, maxBodyBytes)}`,
  );
  return [head, ...bodies];
}

/**
 * The spans' lines within `maxBytes`; a span that does not fit ends the list with a count of
 * what was left out, so the model knows the picture is partial.
 */
export function summarizeTrace(spans: readonly DraftSpan[], options: { maxBodyBytes: number; maxBytes: number }): { text: string; omittedSpans: number } {
  if (spans.length === 0) return { text: "(no representative trace is stored)", omittedSpans: 0 };
  const lines: string[] = [];
  let used = 0;
  for (let i = 0; i < spans.length; i++) {
    const block = spanLines(spans[i], options.maxBodyBytes).join("\n");
    // Room is kept for the closing note.
    if (used + byteLength(block) + 1 > options.maxBytes - 64) {
      lines.push(`… ${spans.length - i} more spans not shown`);
      return { text: lines.join("\n"), omittedSpans: spans.length - i };
    }
    lines.push(block);
    used += byteLength(block) + 1;
  }
  return { text: lines.join("\n"), omittedSpans: 0 };
}
