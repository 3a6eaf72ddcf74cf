"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { flowHref } from "@/components/flows/flow-links";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ModelEndpointDetailView, ModelEndpointView, ModelParameterView } from "@/lib/api/model.types";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import { formatCount } from "@/lib/format/format-number";
import { DOWNSTREAM_KIND_LABEL, downstreamLines } from "./downstream";
import { EndpointRef } from "./endpoint-ref";
import { firstExample, JsonBlock, schemaWithoutExamples } from "./json-block";
import type { ModelIndex } from "./model-index";
import { statusTone } from "./status-codes";
import { endpointRowId } from "./system-links";

const OPERATION_VERB = { create: "creates", read: "reads", update: "updates", delete: "deletes", list: "lists" } as const;

export function EndpointDetail({ workspaceId, endpoint, index, onOpenEndpoint }: { workspaceId: string; endpoint: ModelEndpointView; index: ModelIndex; onOpenEndpoint: (id: string) => void }) {
  const prefix = endpointRowId(endpoint.id);
  const parameters = [
    ...endpoint.path_parameters.map((p) => ({ ...p, in: "path" })),
    ...endpoint.query_parameters.map((p) => ({ ...p, in: "query" })),
    ...endpoint.headers.map((p) => ({ ...p, in: "header" })),
  ];
  const lines = downstreamLines(endpoint);
  return (
    <div className="space-y-5 px-4 py-4" data-testid="endpoint-detail">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Learned from {formatCount(endpoint.sample_count)} sampled {endpoint.sample_count === 1 ? "request" : "requests"} of {formatCount(endpoint.call_count)} · request body{" "}
        {endpoint.bodies_recorded.request ? "recorded" : "not recorded"} · response body {endpoint.bodies_recorded.response ? "recorded" : "not recorded"}
        {endpoint.entity?.operation ? (
          <>
            {" "}
            · {OPERATION_VERB[endpoint.entity.operation]} <span className="font-mono">{endpoint.entity.name}</span>
          </>
        ) : null}
      </p>

      <Part title="Parameters" id={`${prefix}-parameters`}>
        {parameters.length === 0 ? <Quiet>No path, query or header parameters were recorded.</Quiet> : <ParameterTable parameters={parameters} />}
      </Part>

      <Part title="Request body" id={`${prefix}-request`}>
        {endpoint.request_body ? (
          <SchemaAndExample schema={endpoint.request_body} example={endpoint.request_example ?? firstExample(endpoint.request_body)} what="request body" testId="request-body-schema" />
        ) : (
          <Quiet>{endpoint.bodies_recorded.request ? "The recorded requests had no JSON body." : "No request body was recorded (set http.request.body on the server span to learn its shape)."}</Quiet>
        )}
      </Part>

      <Part title="Responses" id={`${prefix}-responses`}>
        {endpoint.responses.length === 0 ? (
          <Quiet>No response was recorded.</Quiet>
        ) : (
          <ul className="space-y-4">
            {endpoint.responses.map((response) => (
              <li key={response.status} data-testid="endpoint-response">
                <p className="mb-1.5 flex items-center gap-2 text-sm">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-semibold tabular-nums ring-1 ring-inset ${statusTone(response.status)}`}>{response.status}</span>
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">{formatCount(response.count)} sampled</span>
                </p>
                {response.schema ? (
                  <SchemaAndExample schema={response.schema} example={firstExample(response.schema)} what={`${response.status} response body`} testId="response-body-schema" />
                ) : (
                  <Quiet>No body recorded.</Quiet>
                )}
              </li>
            ))}
          </ul>
        )}
      </Part>

      <Part title="Downstream" id={`${prefix}-downstream`}>
        {lines.length === 0 ? (
          <Quiet>It calls no traced endpoint, database or topic.</Quiet>
        ) : (
          <ul className="space-y-1 text-sm">
            {lines.map((line) => (
              <li key={`${line.kind}/${line.service}/${line.text}`} className="[overflow-wrap:anywhere]">
                <span className="inline-block w-12 text-xs text-zinc-500 dark:text-zinc-400">{DOWNSTREAM_KIND_LABEL[line.kind]}</span>
                {line.endpointId ? <EndpointRef id={line.endpointId} index={index} onOpen={onOpenEndpoint} showService="always" /> : <span className="font-mono text-xs">{line.text}</span>}
                {line.kind === "database" ? <span className="text-xs text-zinc-500 dark:text-zinc-400"> ({line.service})</span> : null}
                <span className="ml-1 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">×{formatCount(line.count)}</span>
              </li>
            ))}
          </ul>
        )}
      </Part>

      <Part title="Flows" id={`${prefix}-flows`}>
        <EndpointFlows workspaceId={workspaceId} endpointId={endpoint.id} flowCount={endpoint.flow_ids.length} />
      </Part>
    </div>
  );
}

function EndpointFlows({ workspaceId, endpointId, flowCount }: { workspaceId: string; endpointId: string; flowCount: number }) {
  const query = useQuery({
    queryKey: queryKeys.modelEndpoint(workspaceId, endpointId),
    queryFn: () => fetchJson<ModelEndpointDetailView>(workspaceApi(workspaceId, `/model/endpoints/${encodeURIComponent(endpointId)}`)),
    enabled: flowCount > 0,
  });
  if (flowCount === 0) return <Quiet>No flow runs it.</Quiet>;
  if (query.isPending) return <div role="status" aria-label="Loading its flows" className="h-5 w-64 animate-pulse rounded bg-zinc-200/70 dark:bg-zinc-800" />;
  if (query.isError) return <Quiet>Could not load its flows ({query.error.message}).</Quiet>;
  return (
    <ul className="flex flex-wrap gap-2" data-testid="endpoint-flows">
      {query.data.flows.map((flow) => (
        <li key={flow.id}>
          <Link href={flowHref(workspaceId, flow.id)} className="inline-block rounded-md border border-zinc-200 bg-white px-2.5 py-1 text-sm text-indigo-700 hover:border-indigo-300 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-indigo-300">
            {flow.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function SchemaAndExample({ schema, example, what, testId }: { schema: Record<string, unknown>; example: unknown; what: string; testId: string }) {
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <div className="min-w-0">
        <p className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Schema</p>
        <JsonBlock value={schemaWithoutExamples(schema)} label={`JSON Schema of the ${what}`} testId={testId} />
      </div>
      <div className="min-w-0">
        <p className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Recorded example</p>
        {example === undefined ? <Quiet>None kept: larger than 2 KB.</Quiet> : <JsonBlock value={example} label={`Recorded ${what}`} />}
      </div>
    </div>
  );
}

function ParameterTable({ parameters }: { parameters: (ModelParameterView & { in: string })[] }) {
  return (
    <table className="w-full max-w-3xl text-left text-sm">
      <thead className="text-xs text-zinc-600 dark:text-zinc-400">
        <tr>
          <th scope="col" className="py-1 pr-4 font-medium">Name</th>
          <th scope="col" className="py-1 pr-4 font-medium">In</th>
          <th scope="col" className="py-1 pr-4 font-medium">Required</th>
          <th scope="col" className="py-1 font-medium">Example</th>
        </tr>
      </thead>
      <tbody>
        {parameters.map((p) => (
          <tr key={`${p.in}/${p.name}`} className="border-t border-zinc-200 dark:border-zinc-800">
            <td className="py-1 pr-4 font-mono text-xs">{p.name}</td>
            <td className="py-1 pr-4 text-xs">{p.in}</td>
            <td className="py-1 pr-4 text-xs">{p.required ? "yes" : "no"}</td>
            <td className="py-1 font-mono text-xs [overflow-wrap:anywhere]">{p.example ?? "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Part({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h4 id={id} className="mb-1.5 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
        {title}
      </h4>
      {children}
    </section>
  );
}

function Quiet({ children }: { children: ReactNode }) {
  return <p className="text-sm text-zinc-600 dark:text-zinc-400">{children}</p>;
}
