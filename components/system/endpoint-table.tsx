"use client";

import { Fragment } from "react";
import type { ModelEndpointView } from "@/lib/api/model.types";
import { formatCount, formatPercent } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import { DOWNSTREAM_KIND_LABEL, downstreamLines } from "./downstream";
import { EndpointDetail } from "./endpoint-detail";
import { MethodBadge } from "./endpoint-ref";
import type { ModelIndex } from "./model-index";
import { StatusCodes } from "./status-codes";
import { endpointRowId } from "./system-links";

const COLUMNS = 7;
const DOWNSTREAM_SHOWN = 3;

/** A service's endpoints; a row opens in place to the endpoint's parameters, bodies and flows. */
export function EndpointTable({
  workspaceId,
  service,
  endpoints,
  index,
  openId,
  onOpen,
}: {
  workspaceId: string;
  service: string;
  endpoints: ModelEndpointView[];
  index: ModelIndex;
  openId: string | null;
  onOpen: (id: string | null, options?: { scroll?: boolean }) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      {/* Fixed column widths: every service's table lines up with the others. */}
      <table className="w-full min-w-[48rem] table-fixed text-left text-sm" data-testid="endpoint-table">
        <caption className="sr-only">Endpoints of {service}: choose one to see its parameters, bodies, responses and flows.</caption>
        <colgroup>
          <col className="w-[29%]" />
          <col className="w-[16%]" />
          <col className="w-[8%]" />
          <col className="w-[8%]" />
          <col className="w-[8%]" />
          <col className="w-[7%]" />
          <col />
        </colgroup>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Endpoint</th>
            <th scope="col" className="px-3 py-2 font-medium">Status codes</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">P50</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">P95</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Errors</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Calls</th>
            <th scope="col" className="px-3 py-2 font-medium">Downstream</th>
          </tr>
        </thead>
        <tbody>
          {endpoints.map((endpoint) => {
            const open = endpoint.id === openId;
            const detailId = `${endpointRowId(endpoint.id)}-detail`;
            const lines = downstreamLines(endpoint);
            return (
              <Fragment key={endpoint.id}>
                <tr id={endpointRowId(endpoint.id)} className={`scroll-mt-4 border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800/60 ${open ? "bg-indigo-50 dark:bg-indigo-950/40" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/40"}`} data-testid="endpoint-row">
                  <td className="px-3 py-2">
                    <button
                      type="button"
                      aria-label={`${endpoint.method} ${endpoint.route}`}
                      aria-expanded={open}
                      aria-controls={open ? detailId : undefined}
                      onClick={() => onOpen(open ? null : endpoint.id)}
                      className="flex items-start gap-1.5 rounded text-left focus-visible:outline-2 focus-visible:outline-indigo-500"
                    >
                      <svg aria-hidden viewBox="0 0 20 20" className={`mt-0.5 h-3.5 w-3.5 shrink-0 text-zinc-500 transition-transform ${open ? "rotate-90" : ""}`} fill="none" stroke="currentColor" strokeWidth="2.5">
                        <path d="M7 4l6 6-6 6" strokeLinecap="round" strokeLinejoin="round" />
                      </svg>
                      <MethodBadge method={endpoint.method} />
                      <span className="font-mono text-xs font-medium [overflow-wrap:anywhere] text-indigo-700 dark:text-indigo-300">{endpoint.route}</span>
                    </button>
                  </td>
                  <td className="px-3 py-2">
                    <StatusCodes codes={endpoint.status_codes} />
                  </td>
                  <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{endpoint.p50_ms === null ? "–" : formatDuration(endpoint.p50_ms)}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{endpoint.p95_ms === null ? "–" : formatDuration(endpoint.p95_ms)}</td>
                  <td className={`px-3 py-2 text-right tabular-nums ${endpoint.error_rate > 0 ? "font-semibold text-red-600 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}>{formatPercent(endpoint.error_rate)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(endpoint.call_count)}</td>
                  <td className="px-3 py-2 text-xs text-zinc-700 dark:text-zinc-300">
                    {lines.length === 0 ? (
                      <span className="text-zinc-600 dark:text-zinc-400">–</span>
                    ) : (
                      <ul className="space-y-0.5">
                        {lines.slice(0, DOWNSTREAM_SHOWN).map((line) => (
                          <li key={`${line.kind}/${line.service}/${line.text}`} className="[overflow-wrap:anywhere]">
                            <span className="text-zinc-600 dark:text-zinc-400">{DOWNSTREAM_KIND_LABEL[line.kind]}</span> <span className="font-mono">{line.text}</span>
                            {line.kind === "endpoint" ? <span className="text-zinc-600 dark:text-zinc-400"> ({line.service})</span> : null}
                          </li>
                        ))}
                        {lines.length > DOWNSTREAM_SHOWN ? <li className="text-zinc-600 dark:text-zinc-400">+{lines.length - DOWNSTREAM_SHOWN} more</li> : null}
                      </ul>
                    )}
                  </td>
                </tr>
                {open ? (
                  <tr id={detailId} className="border-b border-zinc-200 dark:border-zinc-800">
                    <td colSpan={COLUMNS} className="bg-zinc-50/70 p-0 dark:bg-zinc-950/50">
                      <EndpointDetail workspaceId={workspaceId} endpoint={endpoint} index={index} onOpenEndpoint={(id) => onOpen(id, { scroll: true })} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
