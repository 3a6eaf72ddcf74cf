// A JSON Schema or a recorded body, indented and wrapped (never cut off): what a test or a
// client would send and get back.
import { formatJson } from "./format-json";

export function JsonBlock({ value, label, testId }: { value: unknown; label: string; testId?: string }) {
  return (
    <pre
      aria-label={label}
      data-testid={testId}
      className="rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap text-zinc-800 [overflow-wrap:anywhere] dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200"
    >
      {formatJson(value)}
    </pre>
  );
}

/** The schema without its `examples`: the page shows the recorded example beside it. */
export function schemaWithoutExamples(schema: Record<string, unknown>): Record<string, unknown> {
  const { examples: _examples, ...rest } = schema;
  void _examples;
  return rest;
}

export function firstExample(schema: Record<string, unknown> | null): unknown {
  return schema && Array.isArray(schema.examples) && schema.examples.length > 0 ? schema.examples[0] : undefined;
}
