"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, type ReactNode } from "react";
import { SendTracesHint } from "@/components/traces/send-traces-hint";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { ErrorState, Skeleton, StaleDataNotice } from "@/components/ui/states";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ModelEntityView, SystemModelView } from "@/lib/api/model.types";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import { formatCount } from "@/lib/format/format-number";
import { DatastoresCard, TopicsCard } from "./datastores-topics";
import { EntityCard, ReferencedEntityCard } from "./entity-card";
import { indexModel } from "./model-index";
import { ServiceCard } from "./service-card";
import { useOpenEndpoint } from "./use-open-endpoint";

const TITLE = "System";
const INTRO = "What each service serves, which endpoints create, read, update and delete which entity, and where data goes: learned from your traces.";

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** Entities something is done to first (most operations on top), then those only referred to by id. */
function splitEntities(entities: ModelEntityView[]): { active: ModelEntityView[]; referenced: ModelEntityView[] } {
  const active = entities.filter((e) => e.operations.length > 0 || e.data_flow.length > 0);
  active.sort((a, b) => b.operations.length - a.operations.length || a.name.localeCompare(b.name));
  return { active, referenced: entities.filter((e) => !active.includes(e)) };
}

/** `aiDraftModel`: the model drafting is configured with (FLOWPRINT_LLM_*), null when it is off. */
export function SystemView({ workspaceId, aiDraftModel = null }: { workspaceId: string; aiDraftModel?: string | null }) {
  const query = useQuery({
    queryKey: queryKeys.model(workspaceId),
    queryFn: () => fetchJson<SystemModelView>(workspaceApi(workspaceId, "/model")),
    refetchInterval: 30_000,
  });

  if (query.isPending) {
    return (
      <>
        <PageHeader title={TITLE} description={INTRO} />
        <Skeleton label="Loading the system model" rows={5} className="h-28" />
      </>
    );
  }
  if (query.isError && query.data === undefined) {
    return (
      <>
        <PageHeader title={TITLE} description={INTRO} />
        <ErrorState what="the system model" error={query.error} onRetry={() => query.refetch()} />
      </>
    );
  }
  const model = query.data;
  if (model.flow_count === 0) {
    return (
      <>
        <PageHeader title={TITLE} description={INTRO} />
        <SendTracesHint workspaceId={workspaceId} title="No system model yet" />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={TITLE}
        description={
          <span data-testid="system-summary">
            {plural(model.services.length, "service", "services")} · {plural(model.endpoints.length, "endpoint", "endpoints")} · {plural(model.entities.length, "entity", "entities")}, learned from{" "}
            {plural(model.sampled_trace_count, "sampled trace", "sampled traces")} of {plural(model.flow_count, "flow", "flows")}, generated <RelativeTime iso={model.generated_at} />
          </span>
        }
        actions={
          <nav aria-label="Sections" className="flex flex-wrap gap-1.5">
            {[
              ["#entities", "Entities"],
              ["#services", "Services"],
              ["#datastores-and-topics", "Datastores and topics"],
            ].map(([href, label]) => (
              <a key={href} href={href} className="rounded-full border border-zinc-200 bg-white px-3 py-1 text-xs font-medium text-zinc-700 hover:border-indigo-300 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:border-indigo-700 dark:hover:text-indigo-300">
                {label}
              </a>
            ))}
          </nav>
        }
      />
      {query.isError ? (
        <div className="mb-4">
          <StaleDataNotice what="system model" error={query.error} onRetry={() => query.refetch()} />
        </div>
      ) : null}
      <SystemModelSections workspaceId={workspaceId} model={model} aiDraftModel={aiDraftModel} />
    </>
  );
}

function SystemModelSections({ workspaceId, model, aiDraftModel }: { workspaceId: string; model: SystemModelView; aiDraftModel: string | null }) {
  const index = useMemo(() => indexModel(model), [model]);
  const known = useCallback((id: string) => index.endpoints.has(id), [index]);
  const { openId, open } = useOpenEndpoint(known);
  const openFromEntity = useCallback((id: string) => open(id, { scroll: true }), [open]);
  const { active, referenced } = useMemo(() => splitEntities(model.entities), [model.entities]);

  return (
    <div className="space-y-10">
      <Section id="entities" title="Entities" count={model.entities.length} intro="Named from routes, tables, topics and id fields. A highlighted step was seen; a grey one was not. Data flow is a value one endpoint returned that another endpoint later received.">
        {model.entities.length === 0 ? (
          <Empty>No entity could be named: no route, table or topic of the sampled traces names one.</Empty>
        ) : (
          <div className="space-y-4">
            {active.map((entity) => (
              <EntityCard key={entity.name} workspaceId={workspaceId} aiDraftModel={aiDraftModel} entity={entity} index={index} onOpenEndpoint={openFromEntity} />
            ))}
            {referenced.length > 0 ? (
              <section aria-labelledby="referenced-entities-title">
                <h3 id="referenced-entities-title" className="mb-2 text-sm font-semibold text-zinc-700 dark:text-zinc-300">
                  Only referred to by id <span className="font-normal text-zinc-500 dark:text-zinc-400">(no endpoint, table or topic of their own was seen)</span>
                </h3>
                <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
                  {referenced.map((entity) => (
                    <ReferencedEntityCard key={entity.name} entity={entity} />
                  ))}
                </div>
              </section>
            ) : null}
          </div>
        )}
      </Section>

      <Section id="services" title="Services" count={model.services.length} intro="Each service's endpoints as its traffic showed them. Choose an endpoint for its parameters, request and response bodies and flows; download a service's OpenAPI document.">
        <div className="space-y-4">
          {model.services.map((service) => (
            <ServiceCard key={service.name} workspaceId={workspaceId} service={service} index={index} openId={openId} onOpenEndpoint={open} />
          ))}
        </div>
      </Section>

      <Section id="datastores-and-topics" title="Datastores and topics" count={model.datastores.length + model.topics.length}>
        <div className="grid gap-4 lg:grid-cols-2">
          <DatastoresCard datastores={model.datastores} />
          <TopicsCard topics={model.topics} />
        </div>
      </Section>
    </div>
  );
}

function Section({ id, title, count, intro, children }: { id: string; title: string; count: number; intro?: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold tracking-tight">
        {title} <span className="text-sm font-normal text-zinc-500 tabular-nums dark:text-zinc-400">{count}</span>
      </h2>
      {intro ? <p className="mt-0.5 mb-3 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{intro}</p> : <div className="mb-3" />}
      {children}
    </section>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-zinc-300 bg-white px-4 py-6 text-sm text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400">{children}</p>;
}
