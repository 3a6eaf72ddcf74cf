"use client";

import { Button } from "@/components/ui/button";
import { hasTraceFilters, type TraceListParams } from "./trace-list-params";
import { TraceSearchInput } from "./trace-search-input";

const CONTROL =
  "h-9 rounded-md border border-zinc-300 bg-white px-2.5 text-sm focus-visible:border-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-500/40 dark:border-zinc-700 dark:bg-zinc-900";

const STATUSES = [
  { errorsOnly: false, label: "All" },
  { errorsOnly: true, label: "Errors" },
] as const;

export function TraceFilters({
  params,
  services,
  onChange,
  onOpen,
}: {
  params: TraceListParams;
  services: string[];
  onChange: (patch: Partial<TraceListParams>, options?: { replace?: boolean }) => void;
  onOpen: (traceId: string) => void;
}) {
  return (
    <div role="search" aria-label="Filter traces" className="flex flex-wrap items-start gap-2">
      <TraceSearchInput value={params.traceId} onSearch={(traceId) => onChange({ traceId }, { replace: true })} onOpen={onOpen} />
      <label className="sr-only" htmlFor="trace-service-filter">
        Root service
      </label>
      <select id="trace-service-filter" className={`${CONTROL} max-w-56`} value={params.service} onChange={(e) => onChange({ service: e.target.value })}>
        <option value="">All root services</option>
        {services.map((service) => (
          <option key={service} value={service}>
            {service}
          </option>
        ))}
      </select>
      <fieldset className="flex h-9 items-center rounded-md border border-zinc-300 bg-white p-0.5 text-sm dark:border-zinc-700 dark:bg-zinc-900">
        <legend className="sr-only">Status</legend>
        {STATUSES.map((status) => (
          <label key={status.label} className="relative">
            <input
              type="radio"
              name="trace-status"
              className="peer absolute inset-0 z-10 cursor-pointer opacity-0"
              checked={params.errorsOnly === status.errorsOnly}
              onChange={() => onChange({ errorsOnly: status.errorsOnly })}
            />
            <span className="flex h-7 cursor-pointer items-center gap-1.5 rounded px-2.5 text-zinc-600 peer-checked:bg-zinc-100 peer-checked:font-medium peer-checked:text-zinc-900 peer-focus-visible:outline-2 peer-focus-visible:outline-indigo-500 hover:text-zinc-900 dark:text-zinc-400 dark:peer-checked:bg-zinc-800 dark:peer-checked:text-zinc-50 dark:hover:text-zinc-100">
              {status.errorsOnly ? <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-red-500" /> : null}
              {status.label}
            </span>
          </label>
        ))}
      </fieldset>
      {hasTraceFilters(params) ? (
        <Button variant="ghost" className="h-9" onClick={() => onChange({ traceId: "", service: "", errorsOnly: false })}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
