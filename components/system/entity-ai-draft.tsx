"use client";

// "Draft with AI" on an entity card, when the server has a model configured (FLOWPRINT_LLM_*):
// a proposed journey test, checked against the schema and the model, under the card.
import { useMutation } from "@tanstack/react-query";
import { AiDraftProblem, AiDraftResult } from "@/components/export/ai-draft-result";
import { requestJson } from "@/components/settings/request-json";
import { Button } from "@/components/ui/button";
import type { AiDraftResponse } from "@/lib/api/ai-draft.types";
import { workspaceApi } from "@/lib/api/query-keys";

export function EntityAiDraft({ workspaceId, entity, aiDraftModel }: { workspaceId: string; entity: string; aiDraftModel: string | null }) {
  const draft = useMutation({
    mutationFn: () => requestJson<AiDraftResponse>(workspaceApi(workspaceId, `/model/entities/${encodeURIComponent(entity)}/journey/ai-draft`), { method: "POST" }),
  });
  if (aiDraftModel === null) return null;
  return (
    <div className="space-y-2">
      <Button size="sm" onClick={() => draft.mutate()} disabled={draft.isPending} aria-label={`Draft a test of the ${entity} with AI (${aiDraftModel})`}>
        {draft.isPending ? "Drafting…" : "Draft with AI"}
      </Button>
      {draft.isError ? <AiDraftProblem error={draft.error} /> : null}
      {draft.data ? <AiDraftResult draft={draft.data} /> : null}
    </div>
  );
}
