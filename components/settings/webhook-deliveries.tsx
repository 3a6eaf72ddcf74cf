"use client";

import { useQuery } from "@tanstack/react-query";
import { RelativeTime } from "@/components/ui/relative-time";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import type { WebhookAttemptView, WebhookDeliveryState, WebhookDeliveryView } from "@/lib/api/webhooks.schemas";
import { formatUtcMinute } from "@/lib/format/format-time";
import { useNow } from "@/lib/ui/use-now";
import { requestJson } from "./request-json";

const STATE_STYLE: Record<WebhookDeliveryState, string> = {
  delivered: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  pending: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
};

export function DeliveryStateBadge({ state }: { state: WebhookDeliveryState }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_STYLE[state]}`}>{state}</span>;
}

/** What the receiver said to one attempt: its status code, or why there was none. */
export function attemptOutcome(a: Pick<WebhookAttemptView, "status_code" | "error">): string {
  if (a.status_code !== null && a.error === null) return String(a.status_code);
  return a.error ?? "no answer";
}

const CELL = "px-3 py-2 align-top";

/** When a pending delivery is tried next, counting down (the clock ticks every 10 s). */
function NextTry({ iso }: { iso: string }) {
  const now = useNow();
  const seconds = now === null ? null : Math.ceil((Date.parse(iso) - now) / 1000);
  let text = formatUtcMinute(iso);
  if (seconds !== null && seconds < 1) text = "due now";
  else if (seconds !== null && seconds < 60) text = `in ${seconds} s`;
  else if (seconds !== null && seconds < 3600) text = `in ${Math.ceil(seconds / 60)} min`;
  return (
    <time dateTime={iso} title={formatUtcMinute(iso)}>
      {text}
    </time>
  );
}

/** A webhook's recent deliveries, refreshed while any of them is still pending. */
export function WebhookDeliveries({ workspaceId, webhookId, webhookName }: { workspaceId: string; webhookId: string; webhookName: string }) {
  const deliveries = useQuery({
    queryKey: queryKeys.webhookDeliveries(workspaceId, webhookId),
    queryFn: () => requestJson<{ deliveries: WebhookDeliveryView[]; total: number }>(workspaceApi(workspaceId, `/webhooks/${encodeURIComponent(webhookId)}/deliveries?limit=20`)),
    refetchInterval: (query) => (query.state.data?.deliveries.some((d) => d.state === "pending") ? 3_000 : false),
  });
  if (deliveries.isPending) return <Skeleton rows={2} label={`Loading deliveries of ${webhookName}`} />;
  if (deliveries.isError) return <ErrorState what={`the deliveries of ${webhookName}`} error={deliveries.error} onRetry={() => deliveries.refetch()} />;
  const { deliveries: list, total } = deliveries.data;
  if (list.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No deliveries yet. Send a test to see one here.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm" data-testid="webhook-deliveries">
        <caption className="sr-only">
          Recent deliveries of {webhookName}: {list.length} of {total}, newest first
        </caption>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            {["Event", "Status", "Attempts", "Last response", "Latency", "Created"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.map((d) => (
            <tr key={d.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800/60" data-testid="webhook-delivery-row">
              <td className={`${CELL} font-mono text-xs`}>{d.event}</td>
              <td className={CELL}>
                <DeliveryStateBadge state={d.state} />
                {d.next_attempt_at ? (
                  <span className="mt-0.5 block text-xs text-zinc-600 dark:text-zinc-400">
                    next try <NextTry iso={d.next_attempt_at} />
                  </span>
                ) : null}
              </td>
              <td className={`${CELL} tabular-nums`}>
                {d.attempt_log.length > 0 ? (
                  <details>
                    <summary className="cursor-pointer">
                      {d.attempts} of {d.max_attempts}
                    </summary>
                    <ol className="mt-1 space-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
                      {d.attempt_log.map((a) => (
                        <li key={a.attempt}>
                          #{a.attempt} <RelativeTime iso={a.started_at} />: {attemptOutcome(a)}, {a.latency_ms} ms
                        </li>
                      ))}
                    </ol>
                  </details>
                ) : (
                  `0 of ${d.max_attempts}`
                )}
              </td>
              <td className={`${CELL} max-w-64 truncate`} title={d.last_error ?? undefined}>
                {d.attempts === 0 ? "—" : attemptOutcome({ status_code: d.last_status_code, error: d.last_error })}
              </td>
              <td className={`${CELL} tabular-nums`}>{d.last_latency_ms === null ? "—" : `${d.last_latency_ms} ms`}</td>
              <td className={`${CELL} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
                <RelativeTime iso={d.created_at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
