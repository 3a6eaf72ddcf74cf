// `--output text|json`, the report flag every `flowprint` command shares. With json, stdout
// carries one JSON document and nothing else, so a script can parse it whole; what a person
// reads (progress, warnings, the text report) goes to stderr, and the exit code is the same.
import { CliUsageError } from "./cli-values";

export type ReportFormat = "text" | "json";

export function isReportFormat(value: string): value is ReportFormat {
  return value === "text" || value === "json";
}

/** The format `--output` names (text when absent); any other value is a usage error. */
export function reportFormat(value: string | undefined): ReportFormat {
  if (value === undefined) return "text";
  if (!isReportFormat(value)) throw new CliUsageError(`--output must be text or json, got "${value}"`);
  return value;
}

/** Where the human-readable report goes: stdout, unless stdout is reserved for the JSON document. */
export function humanWriter(io: { out(text: string): void; err(text: string): void }, report: ReportFormat): (text: string) => void {
  return report === "json" ? (text) => io.err(text) : (text) => io.out(text);
}

/** The whole document, indented for a person who looks at it, ending in a newline. */
export function jsonDocument(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
