// A `--responses` file: outputs produced elsewhere, one JSON line per case,
// `{"id": "production-case-1", "output": "..."}`. Other fields on a line are ignored.
import { z } from "zod";

const lineSchema = z.object({ id: z.string().min(1), output: z.string() });

export interface ResponsesProblem {
  line: number;
  message: string;
}

export type ResponsesResult = { ok: true; responses: Map<string, string> } | { ok: false; problems: ResponsesProblem[] };

export function readResponses(text: string): ResponsesResult {
  const responses = new Map<string, string>();
  const problems: ResponsesProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push({ line, message: `not JSON: ${(error as Error).message}` });
      return;
    }
    const parsed = lineSchema.safeParse(value);
    if (!parsed.success) {
      problems.push({ line, message: parsed.error.issues.map((issue) => `${issue.path.join(".") || "line"}: ${issue.message}`).join("; ") });
      return;
    }
    if (responses.has(parsed.data.id)) problems.push({ line, message: `a second output for case "${parsed.data.id}"` });
    else responses.set(parsed.data.id, parsed.data.output);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, responses };
}

export function formatResponsesProblems(file: string, problems: readonly ResponsesProblem[]): string {
  return problems.map((p) => `${file}:${p.line}: ${p.message}`).join("\n");
}
