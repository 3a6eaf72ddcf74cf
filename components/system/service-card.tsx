"use client";

import { Card } from "@/components/ui/card";
import type { ModelServiceView } from "@/lib/api/model.types";
import { formatCount } from "@/lib/format/format-number";
import { EndpointTable } from "./endpoint-table";
import { InstrumentationCard } from "./instrumentation-card";
import type { ModelIndex } from "./model-index";
import { domId, openApiHref, type OpenApiFormat } from "./system-links";

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

export function ServiceCard({
  workspaceId,
  service,
  index,
  openId,
  onOpenEndpoint,
}: {
  workspaceId: string;
  service: ModelServiceView;
  index: ModelIndex;
  openId: string | null;
  onOpenEndpoint: (id: string | null, options?: { scroll?: boolean }) => void;
}) {
  const titleId = `service-${domId(service.name)}-title`;
  const endpoints = service.endpoint_ids.flatMap((id) => index.endpoints.get(id) ?? []);
  return (
    <Card className="p-4" data-testid={`service-${service.name}`}>
      <article aria-labelledby={titleId} className="space-y-3">
        <header className="flex flex-wrap items-center justify-between gap-3">
          <div className="min-w-0">
            <h3 id={titleId} className="text-base font-semibold break-words">
              {service.name}
            </h3>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              {plural(endpoints.length, "endpoint", "endpoints")} · in {plural(service.flow_ids.length, "flow", "flows")}
            </p>
          </div>
          {endpoints.length > 0 ? (
            <div className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400" role="group" aria-label={`Download the OpenAPI document of ${service.name}`}>
              <span>OpenAPI 3.1</span>
              {(["json", "yaml"] as OpenApiFormat[]).map((format) => (
                <a
                  key={format}
                  href={openApiHref(workspaceId, service.name, format)}
                  download={`${service.name}.openapi.${format}`}
                  aria-label={`Download OpenAPI of ${service.name} as ${format.toUpperCase()}`}
                  className="inline-flex h-7 items-center gap-1 rounded-md border border-zinc-300 bg-white px-2.5 font-medium text-zinc-800 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
                  data-testid={`openapi-${format}`}
                >
                  <svg aria-hidden viewBox="0 0 20 20" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="2">
                    <path d="M10 3v10m0 0l-4-4m4 4l4-4M4 16h12" strokeLinecap="round" strokeLinejoin="round" />
                  </svg>
                  {format.toUpperCase()}
                </a>
              ))}
            </div>
          ) : null}
        </header>
        <div className="grid gap-3 2xl:grid-cols-[minmax(0,1fr)_16rem]">
          {endpoints.length > 0 ? (
            <EndpointTable workspaceId={workspaceId} service={service.name} endpoints={endpoints} index={index} openId={openId} onOpen={onOpenEndpoint} />
          ) : (
            <p className="rounded-md border border-dashed border-zinc-300 px-3 py-4 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              No endpoint: none of its server spans named a route or RPC method. Its spans still appear in flows.
            </p>
          )}
          <InstrumentationCard service={service.name} quality={service.instrumentation} />
        </div>
      </article>
    </Card>
  );
}
