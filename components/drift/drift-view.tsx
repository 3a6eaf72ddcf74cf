"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRowNavigation } from "@/components/flows/use-row-navigation";
import { Button } from "@/components/ui/button";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import { formatPageRange } from "@/lib/format/format-number";
import { DriftAlertTable } from "./drift-alert-table";
import { DriftLearningCard } from "./drift-learning";
import { STATE_DESCRIPTION, STATE_LABEL } from "./drift-labels";
import { DRIFT_PANEL_ID, DriftStateTabs, tabId } from "./drift-state-tabs";
import type { DriftAlertList } from "./drift-types";
import { NoDrift } from "./no-drift";
import { useDriftCounts } from "./use-drift-counts";
import { useDriftLearning } from "./use-drift-learning";
import { useDriftTab } from "./use-drift-tab";

export function DriftView({ workspaceId }: { workspaceId: string }) {
  const { state, page, pageSize, update } = useDriftTab();
  const counts = useDriftCounts(workspaceId);
  const learning = useDriftLearning(workspaceId);
  const offset = (page - 1) * pageSize;
  const query = useQuery({
    queryKey: queryKeys.drift(workspaceId, { state, limit: pageSize, offset }),
    queryFn: () => fetchJson<DriftAlertList>(workspaceApi(workspaceId, `/telemetry/drift?state=${state}&limit=${pageSize}&offset=${offset}`)),
    refetchInterval: 10_000,
    placeholderData: keepPreviousData,
  });
  useRowNavigation("[data-drift-link]");

  const knownCounts = Object.values(counts);
  const noDriftAtAll = knownCounts.length === 4 && knownCounts.every((n) => n === 0);
  const learningCard = (explainWindow: boolean) => (
    <DriftLearningCard learning={learning.data} isError={learning.isError} error={learning.error} onRetry={() => learning.refetch()} explainWindow={explainWindow} />
  );
  if (noDriftAtAll) {
    return (
      <div className="space-y-4">
        <NoDrift workspaceId={workspaceId} learning={learning.data} />
        {learningCard(false)}
      </div>
    );
  }

  const data = query.data;
  return (
    <div className="space-y-3">
      <DriftStateTabs state={state} counts={counts} onChange={(next) => update({ state: next })} />
      <div id={DRIFT_PANEL_ID} role="tabpanel" aria-labelledby={tabId(state)} className="space-y-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{STATE_DESCRIPTION[state]}</p>
        {data === undefined || query.isPlaceholderData ? (
          query.isError ? (
            <ErrorState what="drift alerts" error={query.error} onRetry={() => query.refetch()} />
          ) : (
            <Skeleton label="Loading drift alerts" rows={4} className="h-16" />
          )
        ) : query.isError && data.alerts.length === 0 ? (
          <ErrorState what="drift alerts" error={query.error} onRetry={() => query.refetch()} />
        ) : data.alerts.length === 0 ? (
          <EmptyTab state={state} onOpenTab={() => update({ state: "open" })} />
        ) : (
          <>
            <DriftAlertTable workspaceId={workspaceId} alerts={data.alerts} caption={`${STATE_LABEL[state]} drift alerts, ${data.total} in total, newest first`} busy={false} />
            {data.total > pageSize ? (
              <nav aria-label="Drift alert pages" className="flex items-center justify-between gap-3 text-sm text-zinc-600 dark:text-zinc-400">
                <p className="tabular-nums">{formatPageRange(offset, data.alerts.length, data.total)}</p>
                <div className="flex gap-2">
                  <Button size="sm" disabled={page <= 1} onClick={() => update({ page: page - 1 })}>
                    <span aria-hidden>←</span> Newer
                  </Button>
                  <Button size="sm" disabled={offset + data.alerts.length >= data.total} onClick={() => update({ page: page + 1 })}>
                    Older <span aria-hidden>→</span>
                  </Button>
                </div>
              </nav>
            ) : null}
          </>
        )}
      </div>
      <div className="pt-3">{learningCard(true)}</div>
    </div>
  );
}

const EMPTY_TEXT = {
  open: "No open drift: every entry point is following its baseline.",
  rare: "No rare variants.",
  dismissed: "No dismissed alerts.",
  accepted: "No accepted alerts yet.",
} as const;

function EmptyTab({ state, onOpenTab }: { state: keyof typeof EMPTY_TEXT; onOpenTab: () => void }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400" data-testid="drift-empty-tab">
      <p>{EMPTY_TEXT[state]}</p>
      {state !== "open" ? (
        <Button size="sm" variant="ghost" className="mt-2" onClick={onOpenTab}>
          Back to open alerts
        </Button>
      ) : null}
    </div>
  );
}
