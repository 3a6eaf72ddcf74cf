import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import { rangeOf, type LlmPageParams } from "./llm-params";

/** The workspace has LLM calls, just none in this range, of this model or in this flow: a way out. */
export function LlmRangeEmpty({ params, onChange }: { params: LlmPageParams; onChange: (patch: Partial<LlmPageParams>) => void }) {
  return (
    <EmptyState title={`No LLM calls in ${rangeOf(params.range).name}`} id="no-llm-calls-in-range">
      <p>{reason(params)}</p>
      <div className="flex gap-2">
        {params.range !== "30d" ? (
          <Button size="sm" onClick={() => onChange({ range: "30d" })}>
            Show the last 30 days
          </Button>
        ) : null}
        {params.model ? (
          <Button size="sm" onClick={() => onChange({ model: "" })}>
            Show all models
          </Button>
        ) : null}
        {params.flow ? (
          <Button size="sm" onClick={() => onChange({ flow: "" })}>
            Show all flows
          </Button>
        ) : null}
      </div>
    </EmptyState>
  );
}

function reason({ model, flow }: LlmPageParams): string {
  if (model && flow) return `${model} made no calls in this flow in this range.`;
  if (model) return `${model} made no calls in this range.`;
  if (flow) return "This flow made no LLM calls in this range.";
  return "This workspace has LLM calls, but none started in this range.";
}
