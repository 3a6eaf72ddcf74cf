"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { AiDraftProblem, AiDraftResult } from "./ai-draft-result";
import { RunCommand } from "./run-command";
import { useAiDraft } from "./use-ai-draft";
import { useFlowExport, type SetupMode, type ExportFormat as Format } from "./use-flow-export";
import { YamlCode } from "./yaml-code";

const FORMATS: { id: Format; label: string; hint: string }[] = [
  { id: "flowprint", label: "Flowprint", hint: "Runnable with npx flowprint run: trigger, response and trace expectations" },
  { id: "testmesh", label: "TestMesh", hint: "The flow/steps shape TestMesh reads" },
];

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

/** `aiDraftModel`: the model drafting is configured with (FLOWPRINT_LLM_*), null when it is off. */
export function FlowExport({ workspaceId, flowId, aiDraftModel = null }: { workspaceId: string; flowId: string; aiDraftModel?: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const format: Format = params.get("format") === "testmesh" ? "testmesh" : "flowprint";
  const setup: SetupMode = params.get("setup") === "none" ? "none" : "auto";
  const exported = useFlowExport(workspaceId, flowId, format, setup);
  const linkTo = (next: { format?: Format; setup?: SetupMode }) => {
    const query = new URLSearchParams({ format: next.format ?? format, ...((next.setup ?? setup) === "none" ? { setup: "none" } : {}) });
    router.replace(`${pathname}?${query}`);
  };
  const draft = useAiDraft(workspaceId, flowId);
  const drafting = aiDraftModel !== null && format === "flowprint";

  return (
    <div className="space-y-5">
      <PageHeader
        title="Export as a test"
        description={
          <>
            The YAML of this flow, ready to run. <Link className="text-indigo-600 underline dark:text-indigo-400" href={`/w/${encodeURIComponent(workspaceId)}/flows/${flowId}`}>Back to the flow</Link>
          </>
        }
        actions={
          exported.data ? (
            <>
              {drafting ? (
                <Button onClick={() => draft.mutate()} disabled={draft.isPending} title={`Ask ${aiDraftModel} to improve this test, checked against the system model`}>
                  {draft.isPending ? "Drafting…" : "Draft with AI"}
                </Button>
              ) : null}
              <CopyButton text={exported.data.yaml} label="the YAML" size="md" />
              <Button variant="primary" onClick={() => download(exported.data.yaml, exported.data.file_name)}>
                Download {exported.data.file_name}
              </Button>
            </>
          ) : null
        }
      />
      <div role="radiogroup" aria-label="Export format" className="inline-flex rounded-md border border-zinc-200 bg-white p-0.5 text-sm dark:border-zinc-800 dark:bg-zinc-900">
        {FORMATS.map((f) => (
          <button
            key={f.id}
            type="button"
            role="radio"
            aria-checked={format === f.id}
            title={f.hint}
            onClick={() => linkTo({ format: f.id })}
            className={`rounded px-3 py-1 ${format === f.id ? "bg-indigo-600 font-medium text-white" : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`}
          >
            {f.label}
          </button>
        ))}
      </div>
      {format === "flowprint" ? (
        <label className="ml-4 inline-flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300" title="Setup steps create the entities the trigger refers to (an order to read), so the test passes where the recorded ids do not exist">
          <input type="checkbox" checked={setup === "auto"} onChange={(event) => linkTo({ setup: event.target.checked ? "auto" : "none" })} className="h-4 w-4 accent-indigo-600" />
          Create what the trigger needs first (setup steps)
        </label>
      ) : null}
      {exported.isPending ? (
        <Skeleton rows={12} label="Exporting the flow" className="h-4" />
      ) : exported.isError ? (
        <ErrorState what="the export" error={exported.error} onRetry={() => exported.refetch()} />
      ) : (
        <>
          {exported.data.warnings.length > 0 ? (
            <ul aria-label="Export warnings" className="space-y-1 rounded-md bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:bg-amber-950/60 dark:text-amber-200" data-testid="export-warnings">
              {exported.data.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : null}
          {drafting && draft.isPending ? <Skeleton rows={2} label={`Drafting with ${aiDraftModel}`} className="h-4" /> : null}
          {drafting && draft.isError ? <AiDraftProblem error={draft.error} /> : null}
          {drafting && draft.data ? (
            <div className="grid gap-4 lg:grid-cols-2">
              <section className="min-w-0 space-y-2" aria-labelledby="deterministic-title">
                <h2 id="deterministic-title" className="text-sm font-semibold leading-7">
                  Exported from the trace
                </h2>
                <YamlCode text={exported.data.yaml} label={`${exported.data.file_name}, ${format} format`} />
              </section>
              <AiDraftResult draft={draft.data} />
            </div>
          ) : (
            <YamlCode text={exported.data.yaml} label={`${exported.data.file_name}, ${format} format`} />
          )}
          {format === "flowprint" ? (
            <Card>
              <CardHeader title="Run it" />
              <div className="space-y-2 p-4 text-sm text-zinc-600 dark:text-zinc-400">
                <p>Send the trigger to your system with a fresh traceparent, wait for its trace, and check the path, each node&apos;s duration and the assertions:</p>
                <RunCommand workspaceId={workspaceId} exported={exported.data} />
              </div>
            </Card>
          ) : null}
        </>
      )}
    </div>
  );
}
