"use client";

import { Button } from "@/components/ui/button";
import { hasFilters, type FlowListParams } from "./flow-list-params";
import { FlowSearchInput } from "./flow-search-input";

const CONTROL =
  "h-9 rounded-md border border-zinc-300 bg-white px-2.5 text-sm focus-visible:border-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-500/40 dark:border-zinc-700 dark:bg-zinc-900";

export function FlowFilters({
  params,
  services,
  onChange,
}: {
  params: FlowListParams;
  services: string[];
  onChange: (patch: Partial<FlowListParams>, options?: { replace?: boolean }) => void;
}) {
  return (
    <div role="search" aria-label="Filter flows" className="flex flex-wrap items-center gap-2">
      <FlowSearchInput value={params.q} onCommit={(q, replace) => onChange({ q }, { replace })} />
      <label className="sr-only" htmlFor="flow-service-filter">
        Entry service
      </label>
      <select id="flow-service-filter" className={`${CONTROL} max-w-56`} value={params.service} onChange={(e) => onChange({ service: e.target.value })}>
        <option value="">All entry services</option>
        {services.map((service) => (
          <option key={service} value={service}>
            {service}
          </option>
        ))}
      </select>
      <label className="relative flex h-9 cursor-pointer items-center gap-2 rounded-md px-1.5 text-sm select-none">
        {/* Invisible but on top of the switch, so the real checkbox takes the clicks. */}
        <input type="checkbox" className="peer absolute inset-0 h-full w-full cursor-pointer opacity-0" checked={params.driftedOnly} onChange={(e) => onChange({ driftedOnly: e.target.checked })} />
        <span
          aria-hidden
          className="relative h-5 w-9 rounded-full bg-zinc-300 transition-colors peer-checked:bg-orange-500 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-500 after:absolute after:top-0.5 after:left-0.5 after:h-4 after:w-4 after:rounded-full after:bg-white after:shadow after:transition-transform peer-checked:after:translate-x-4 dark:bg-zinc-700"
        />
        Drifted only
      </label>
      {hasFilters(params) ? (
        <Button variant="ghost" size="sm" onClick={() => onChange({ q: "", service: "", driftedOnly: false })}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
