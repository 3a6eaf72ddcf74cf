"use client";

import { Card } from "@/components/ui/card";
import type { ModelEntitySourceKind, ModelEntityView } from "@/lib/api/model.types";
import { DataFlowSentence } from "./describe-data-flow";
import { EndpointRef } from "./endpoint-ref";
import { LifecycleRow } from "./lifecycle-row";
import type { ModelIndex } from "./model-index";
import { EntityAiDraft } from "./entity-ai-draft";
import { JourneyExport } from "./journey-export";
import { Notes } from "./notes";
import { domId } from "./system-links";

const SOURCE_LABEL: Record<ModelEntitySourceKind, string> = { route: "route", rpc: "RPC", table: "table", topic: "topic", body_field: "body field" };

export function EntityCard({ workspaceId, entity, index, onOpenEndpoint, aiDraftModel = null }: { workspaceId: string; entity: ModelEntityView; index: ModelIndex; onOpenEndpoint: (id: string) => void; aiDraftModel?: string | null }) {
  const titleId = `entity-${domId(entity.name)}-title`;
  return (
    <Card className="p-4" data-testid={`entity-${entity.name}`}>
      <article aria-labelledby={titleId} className="space-y-4">
        <header className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 id={titleId} className="font-mono text-base font-semibold">
            {entity.name}
          </h3>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {entity.operations.length} of 5 operations seen ·{" "}
            {entity.bodies_recorded ? <span className="text-emerald-700 dark:text-emerald-400">bodies recorded</span> : <span>no bodies recorded</span>}
          </p>
        </header>
        <LifecycleRow entity={entity} index={index} onOpenEndpoint={onOpenEndpoint} />
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
          <section aria-labelledby={`${titleId}-flow`}>
            <h4 id={`${titleId}-flow`} className="mb-1 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
              Data flow
            </h4>
            {entity.data_flow.length > 0 ? (
              <ul className="space-y-1">
                {entity.data_flow.map((flow) => (
                  <DataFlowSentence key={`${flow.producer_endpoint_id}/${flow.produced_at}/${flow.consumer_endpoint_id}/${flow.consumed_at}`} flow={flow} index={index} onOpenEndpoint={onOpenEndpoint} />
                ))}
              </ul>
            ) : (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {entity.bodies_recorded ? "No recorded response fed a later request." : "Not observed: its endpoints recorded no request or response bodies."}
              </p>
            )}
          </section>
          <EntityFacts entity={entity} index={index} onOpenEndpoint={onOpenEndpoint} />
        </div>
        <Notes notes={entity.notes} label={`Notes on ${entity.name}`} />
        <div className="flex flex-wrap items-start gap-3">
          <JourneyExport workspaceId={workspaceId} entity={entity.name} canCreate={entity.creator !== null && entity.creator.id_field !== null} />
          <EntityAiDraft workspaceId={workspaceId} entity={entity.name} aiDraftModel={aiDraftModel} />
        </div>
      </article>
    </Card>
  );
}

function EntityFacts({ entity, index, onOpenEndpoint }: { entity: ModelEntityView; index: ModelIndex; onOpenEndpoint: (id: string) => void }) {
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
      <dt className="text-zinc-600 dark:text-zinc-400">Created by</dt>
      <dd data-testid="entity-creator">
        {entity.creator ? (
          <>
            <EndpointRef id={entity.creator.endpoint_id} index={index} onOpen={onOpenEndpoint} showService="always" />
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">
              {entity.creator.id_field ? (
                <>
                  new id in the response&apos;s <code className="font-mono">{entity.creator.id_field}</code>
                </>
              ) : (
                "its responses did not show the new id"
              )}
            </span>
          </>
        ) : (
          <span className="text-zinc-500 dark:text-zinc-400">not seen</span>
        )}
      </dd>
      <dt className="text-zinc-600 dark:text-zinc-400">Id fields</dt>
      <dd className="flex flex-wrap gap-1">
        {entity.id_fields.length > 0 ? (
          entity.id_fields.map((field) => (
            <code key={field} className="rounded bg-zinc-100 px-1 font-mono text-xs dark:bg-zinc-800">
              {field}
            </code>
          ))
        ) : (
          <span className="text-zinc-500 dark:text-zinc-400">none seen</span>
        )}
      </dd>
      <dt className="text-zinc-600 dark:text-zinc-400">Seen in</dt>
      <dd>
        <SeenIn sources={entity.seen_in} />
      </dd>
    </dl>
  );
}

export function SeenIn({ sources }: { sources: ModelEntityView["seen_in"] }) {
  return (
    <ul className="space-y-0.5">
      {sources.map((s) => (
        <li key={`${s.kind}/${s.where}`} className="text-xs [overflow-wrap:anywhere]">
          <span className="text-zinc-500 dark:text-zinc-400">{SOURCE_LABEL[s.kind]}</span> <span className="font-mono text-zinc-800 dark:text-zinc-200">{s.where}</span>
        </li>
      ))}
    </ul>
  );
}

/** An entity only named by other requests' id fields: no endpoint, table or topic of its own. */
export function ReferencedEntityCard({ entity }: { entity: ModelEntityView }) {
  const titleId = `entity-${domId(entity.name)}-title`;
  return (
    <Card className="p-3" data-testid={`entity-${entity.name}`}>
      <article aria-labelledby={titleId}>
        <h3 id={titleId} className="font-mono text-sm font-semibold">
          {entity.name}
        </h3>
        <div className="mt-1">
          <SeenIn sources={entity.seen_in} />
        </div>
        {entity.notes.length > 0 ? (
          <div className="mt-2">
            <Notes notes={entity.notes} label={`Notes on ${entity.name}`} />
          </div>
        ) : null}
      </article>
    </Card>
  );
}
