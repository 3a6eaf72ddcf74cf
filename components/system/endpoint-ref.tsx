"use client";

import type { ModelEndpointView } from "@/lib/api/model.types";
import { endpointLabel, type ModelIndex } from "./model-index";

const METHOD_STYLE: Record<string, string> = {
  GET: "bg-sky-50 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  POST: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  PUT: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  PATCH: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  DELETE: "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300",
};

export function MethodBadge({ method }: { method: string }) {
  return <span className={`inline-block rounded px-1 font-mono text-[10px] leading-4 font-semibold ${METHOD_STYLE[method] ?? "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"}`}>{method}</span>;
}

/**
 * `METHOD route` of an endpoint the model knows, as a button that opens its details in the
 * Services section; the service is named when another service serves the same route.
 */
export function EndpointRef({ id, index, onOpen, showService = "when-shared" }: { id: string; index: ModelIndex; onOpen: (id: string) => void; showService?: "when-shared" | "always" }) {
  const endpoint = index.endpoints.get(id);
  if (!endpoint) return <span className="font-mono text-xs text-zinc-500">{id}</span>;
  const label = endpointLabel(endpoint);
  const withService = showService === "always" || index.sharedRoutes.has(label);
  return (
    <button
      type="button"
      onClick={() => onOpen(id)}
      title={`${label} of ${endpoint.service}: show its details`}
      className="rounded-sm text-left font-mono text-xs [overflow-wrap:anywhere] text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
    >
      {label}
      {withService ? <span className="font-sans text-zinc-500 dark:text-zinc-400"> ({endpoint.service})</span> : null}
    </button>
  );
}

export function endpointText(endpoint: ModelEndpointView | undefined, id: string): string {
  return endpoint ? endpointLabel(endpoint) : id;
}
