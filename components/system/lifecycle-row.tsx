"use client";

import type { ModelEntityOperationView, ModelEntityView, ModelOperationKind } from "@/lib/api/model.types";
import { formatCount } from "@/lib/format/format-number";
import { EndpointRef } from "./endpoint-ref";
import type { ModelIndex } from "./model-index";

const KINDS: readonly ModelOperationKind[] = ["create", "read", "update", "delete", "list"];
const KIND_LABEL: Record<ModelOperationKind, string> = { create: "Create", read: "Read", update: "Update", delete: "Delete", list: "List" };

/** Create, read, update, delete and list in a row: what was seen done to the entity, and by whom. */
export function LifecycleRow({ entity, index, onOpenEndpoint }: { entity: ModelEntityView; index: ModelIndex; onOpenEndpoint: (id: string) => void }) {
  const byKind = new Map(entity.operations.map((o) => [o.kind, o]));
  return (
    <ol aria-label={`Lifecycle of ${entity.name}`} className="grid gap-2 sm:grid-cols-2 md:grid-cols-3 lg:grid-cols-5">
      {KINDS.map((kind) => {
        const operation = byKind.get(kind);
        return operation ? <PresentStep key={kind} operation={operation} index={index} onOpenEndpoint={onOpenEndpoint} /> : <MissingStep key={kind} kind={kind} />;
      })}
    </ol>
  );
}

function PresentStep({ operation, index, onOpenEndpoint }: { operation: ModelEntityOperationView; index: ModelIndex; onOpenEndpoint: (id: string) => void }) {
  return (
    <li className="min-w-0 rounded-md border border-emerald-300 bg-emerald-50/60 px-3 py-2 dark:border-emerald-800 dark:bg-emerald-950/40" data-testid={`lifecycle-${operation.kind}`} data-present="true">
      <div className="flex items-center gap-1.5 text-xs font-semibold tracking-wide text-emerald-800 uppercase dark:text-emerald-300">
        <svg aria-hidden viewBox="0 0 20 20" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="2.5">
          <path d="M4 10.5l4 4 8-9" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {KIND_LABEL[operation.kind]}
      </div>
      {operation.endpoint_ids.length > 0 ? (
        <ul className="mt-1.5 space-y-0.5">
          {operation.endpoint_ids.map((id) => (
            <li key={id}>
              <EndpointRef id={id} index={index} onOpen={onOpenEndpoint} showService="always" />
            </li>
          ))}
        </ul>
      ) : null}
      {operation.database_operations.length > 0 ? (
        <ul className="mt-1.5 space-y-0.5 text-xs text-zinc-700 dark:text-zinc-300">
          {operation.database_operations.map((d) => (
            <li key={`${d.system}/${d.table}/${d.operation}`} title={`${d.operation} on ${d.table} (${d.system}), ${d.count} in the sampled traces`} className="[overflow-wrap:anywhere]">
              <span className="font-mono">
                {d.operation} {d.table}
              </span>{" "}
              <span className="text-zinc-500 tabular-nums dark:text-zinc-400">×{formatCount(d.count)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {operation.events.length > 0 ? (
        <ul className="mt-1.5 space-y-0.5 text-xs text-zinc-700 dark:text-zinc-300">
          {operation.events.map((event) => (
            <li key={event} className="[overflow-wrap:anywhere]">
              <span className="text-zinc-500 dark:text-zinc-400">event</span> <span className="font-mono">{event}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function MissingStep({ kind }: { kind: ModelOperationKind }) {
  return (
    <li className="min-w-0 rounded-md border border-dashed border-zinc-300 px-3 py-2 text-zinc-500 dark:border-zinc-700 dark:text-zinc-400" data-testid={`lifecycle-${kind}`} data-present="false">
      <div className="text-xs font-semibold tracking-wide uppercase">{KIND_LABEL[kind]}</div>
      <p className="mt-1.5 text-xs">not seen</p>
    </li>
  );
}
