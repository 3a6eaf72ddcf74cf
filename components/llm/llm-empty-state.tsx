import Link from "next/link";
import { EmptyState } from "@/components/ui/states";

const CONVENTIONS = [
  {
    name: "OpenTelemetry GenAI",
    attributes: ["gen_ai.operation.name", "gen_ai.request.model", "gen_ai.usage.input_tokens", "gen_ai.input.messages", "gen_ai.output.messages"],
  },
  { name: "OpenLLMetry", attributes: ["gen_ai.prompt.N.content", "gen_ai.completion.N.content", "gen_ai.usage.prompt_tokens"] },
  { name: "OpenInference", attributes: ["openinference.span.kind", "llm.model_name", "llm.token_count.prompt", "llm.input_messages.N.message.content"] },
];

/** No LLM call in the workspace yet: what Flowprint reads from spans, and what eval export needs. */
export function LlmEmptyState({ workspaceId }: { workspaceId: string }) {
  return (
    <EmptyState title="No LLM calls yet" id="no-llm-calls">
      <p>
        Flowprint finds model calls among the spans it receives, whichever instrumentation recorded them: tokens, cost, latency and errors per model. It reads these
        conventions:
      </p>
      <ul className="space-y-1.5" aria-label="Conventions Flowprint reads">
        {CONVENTIONS.map((c) => (
          <li key={c.name}>
            <span className="font-medium text-zinc-800 dark:text-zinc-200">{c.name}</span>:{" "}
            {c.attributes.map((a, i) => (
              <span key={a}>
                {i > 0 ? ", " : ""}
                <code className="rounded bg-zinc-100 px-1 text-xs dark:bg-zinc-800">{a}</code>
              </span>
            ))}
          </li>
        ))}
      </ul>
      <p>
        Exporting calls as an eval dataset needs their prompts and completions. Most instrumentations leave message content out unless asked; for OpenTelemetry GenAI
        instrumentations set:
      </p>
      <pre className="overflow-x-auto rounded-md bg-zinc-950 p-3 text-xs text-zinc-100">
        <code>OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true</code>
      </pre>
      <p>
        Calls show here once their trace completes. Whether their content is kept, redacted or dropped is up to the{" "}
        <Link href={`/w/${encodeURIComponent(workspaceId)}/settings#group-llm`} className="text-indigo-600 underline dark:text-indigo-400">
          workspace settings
        </Link>
        .
      </p>
    </EmptyState>
  );
}

