"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { RunCommand } from "./run-command";
import { useFlowExport, type ExportFormat as Format } from "./use-flow-export";
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

export function FlowExport({ workspaceId, flowId }: { workspaceId: string; flowId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const format: Format = params.get("format") === "testmesh" ? "testmesh" : "flowprint";
  const exported = useFlowExport(workspaceId, flowId, format);

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
            onClick={() => router.replace(`${pathname}?format=${f.id}`)}
            className={`rounded px-3 py-1 ${format === f.id ? "bg-indigo-600 font-medium text-white" : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`}
          >
            {f.label}
          </button>
        ))}
      </div>
      {exported.isPending ? (
        <Skeleton rows={12} label="Exporting the flow" className="h-4" />
      ) : exported.isError ? (
        <ErrorState what="the export" error={exported.error} onRetry={() => exported.refetch()} />
      ) : (
        <>
          <YamlCode text={exported.data.yaml} label={`${exported.data.file_name}, ${format} format`} />
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
