"use client";

// "Export journey" on an entity card: the entity's lifecycle as one runnable test file.
import { useMutation } from "@tanstack/react-query";
import { downloadText } from "@/components/llm/download-text";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/lib/api/fetch-json";
import { workspaceApi } from "@/lib/api/query-keys";
import { Notes } from "./notes";

interface JourneyExport {
  yaml: string;
  file_name: string;
  warnings: string[];
}

export function JourneyExport({ workspaceId, entity, canCreate }: { workspaceId: string; entity: string; canCreate: boolean }) {
  const exported = useMutation({
    mutationFn: () => fetchJson<JourneyExport>(workspaceApi(workspaceId, `/model/entities/${encodeURIComponent(entity)}/journey/export`), { method: "POST" }),
    onSuccess: (data) => downloadText(data.yaml, data.file_name),
  });
  if (!canCreate) return null;
  return (
    <div className="space-y-2">
      <Button size="sm" onClick={() => exported.mutate()} disabled={exported.isPending} aria-label={`Export the ${entity} journey as a test`}>
        {exported.isPending ? "Exporting…" : "Export journey"}
      </Button>
      {exported.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {exported.error.message}
        </p>
      ) : null}
      {exported.data ? (
        <div className="space-y-1.5" data-testid="journey-export-result">
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Downloaded <code className="font-mono">{exported.data.file_name}</code>: run it with <code className="font-mono">npx flowprint run {exported.data.file_name}</code>.
          </p>
          <Notes notes={exported.data.warnings} label={`Warnings of the ${entity} journey`} />
        </div>
      ) : null}
    </div>
  );
}
