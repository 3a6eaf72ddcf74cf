"use client";

import { useMutation } from "@tanstack/react-query";
import { ApiRequestError, requestJson } from "@/components/settings/request-json";
import type { AiDraftResponse } from "@/lib/api/ai-draft.types";
import { workspaceApi } from "@/lib/api/query-keys";

/** A model call costs tokens and seconds: drafted on request, never cached or refetched. */
export function useAiDraft(workspaceId: string, flowId: string) {
  return useMutation({
    mutationFn: () => requestJson<AiDraftResponse>(workspaceApi(workspaceId, `/telemetry/flows/${flowId}/export/ai-draft`), { method: "POST" }),
  });
}

/** The draft's problems, when the model's answers failed the checks (a 422). */
export const draftIssues = (error: unknown) => (error instanceof ApiRequestError && error.status === 422 ? error.issues : []);
