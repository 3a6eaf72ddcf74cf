"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { useOrigin } from "@/lib/ui/use-origin";
import { collectorSnippet, envSnippet, nodeSnippet, type SnippetContext } from "./trace-snippets";
import { useIngestKeys } from "./ingest-keys-section";

export function SendTracesSection({ workspaceId }: { workspaceId: string }) {
  const origin = useOrigin();
  const keys = useIngestKeys(workspaceId);
  const context: SnippetContext = { origin, workspaceId, keysRequired: (keys.data?.ingest_keys.length ?? 0) > 0 };
  return (
    <section aria-labelledby="send-traces-title" className="rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
        <h2 id="send-traces-title" className="text-base font-semibold">
          Send your traces here
        </h2>
        <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
          Flowprint receives OTLP over HTTP at <code className="rounded bg-zinc-100 px-1 text-[12px] dark:bg-zinc-800">{origin}/v1/traces</code>, protobuf or JSON, gzip or not.
          {context.keysRequired ? " This server has ingest keys, so each snippet sends one." : " Once an ingest key exists, add it as the Authorization header."}
        </p>
      </div>
      <div className="space-y-4 px-5 py-4">
        <Snippet id="snippet-env" title="Any OpenTelemetry SDK" detail="standard environment variables" language="shell" code={envSnippet(context)} copyLabel="environment variables" />
        <Snippet id="snippet-collector" title="OpenTelemetry Collector" detail="otlphttp exporter, collector.yaml" language="yaml" code={collectorSnippet(context)} copyLabel="Collector configuration" />
        <Snippet id="snippet-node" title="Node.js SDK" detail="NodeSDK with the OTLP protobuf exporter" language="javascript" code={nodeSnippet(context)} copyLabel="Node.js SDK snippet" />
      </div>
    </section>
  );
}

function Snippet({ id, title, detail, language, code, copyLabel }: { id: string; title: string; detail: string; language: string; code: string; copyLabel: string }) {
  return (
    <figure aria-labelledby={`${id}-title`} className="overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800" data-testid={id}>
      <figcaption className="flex items-center justify-between gap-3 border-b border-zinc-200 bg-zinc-50 px-3 py-2 dark:border-zinc-800 dark:bg-zinc-950/60">
        <span className="min-w-0">
          <span id={`${id}-title`} className="text-sm font-medium">
            {title}
          </span>
          <span className="ml-2 text-xs text-zinc-600 dark:text-zinc-400">{detail}</span>
        </span>
        <CopyButton text={code} label={copyLabel} />
      </figcaption>
      {/* Focusable so keyboard users can scroll long lines. */}
      <pre tabIndex={0} aria-label={`${title} snippet`} data-language={language} className="overflow-x-auto bg-zinc-950 p-4 text-xs leading-relaxed text-zinc-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
