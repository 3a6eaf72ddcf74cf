import type { ModelInstrumentationView } from "@/lib/api/model.types";
import { formatCount } from "@/lib/format/format-number";
import { domId } from "./system-links";

/** How well a service's spans describe it, and what to fix first. */
export function InstrumentationCard({ service, quality }: { service: string; quality: ModelInstrumentationView }) {
  const titleId = `instrumentation-${domId(service)}`;
  const figures: { label: string; total: number; missing: number; what: string }[] = [
    { label: "Server spans", total: quality.server_spans, missing: quality.server_spans_without_route, what: "a route" },
    { label: "Database spans", total: quality.database_spans, missing: quality.database_spans_without_system, what: "db.system" },
    { label: "Client calls", total: quality.client_spans, missing: quality.client_spans_without_peer, what: "a peer" },
  ];
  return (
    <section aria-labelledby={titleId} className="rounded-md border border-zinc-200 bg-zinc-50/60 p-3 dark:border-zinc-800 dark:bg-zinc-950/40" data-testid="instrumentation">
      <h4 id={titleId} className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
        Instrumentation
      </h4>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-4 2xl:grid-cols-1">
        {figures.map((f) => (
          <div key={f.label}>
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">{f.label}</dt>
            <dd className="text-sm tabular-nums">
              <span className="font-semibold">{formatCount(f.total)}</span>
              {f.total > 0 ? (
                <span className={`ml-1.5 text-xs ${f.missing > 0 ? "font-medium text-amber-700 dark:text-amber-400" : "text-zinc-600 dark:text-zinc-400"}`}>
                  {f.missing > 0 ? `${formatCount(f.missing)} without ${f.what}` : f.total === 1 ? `with ${f.what}` : `all with ${f.what}`}
                </span>
              ) : null}
            </dd>
          </div>
        ))}
        <div>
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">Flows split by gaps</dt>
          <dd className={`text-sm font-semibold tabular-nums ${quality.flows_split_by_gaps > 0 ? "text-amber-700 dark:text-amber-400" : ""}`}>{formatCount(quality.flows_split_by_gaps)}</dd>
        </div>
      </dl>
      {quality.advice.length === 0 ? (
        <p className="mt-3 flex items-center gap-1.5 text-sm font-medium text-emerald-700 dark:text-emerald-400" data-testid="instrumentation-ok">
          <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2.5">
            <path d="M4 10.5l4 4 8-9" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          No gaps found
        </p>
      ) : (
        <ul className="mt-3 space-y-1.5" aria-label={`What to fix in ${service}'s instrumentation`}>
          {quality.advice.map((line) => (
            <li key={line} className="rounded-md bg-amber-50 px-2.5 py-1.5 text-sm text-amber-900 dark:bg-amber-950/60 dark:text-amber-200" data-testid="instrumentation-advice">
              {line}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
