"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EmptyState } from "@/components/ui/states";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";

interface DriftSettings {
  drift_learning_ms: number;
  drift_learning_traces: number;
}

function formatWindow(ms: number): string {
  if (ms % 86_400_000 === 0 && ms > 0) return `${ms / 86_400_000} ${ms === 86_400_000 ? "day" : "days"}`;
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000} ${ms === 3_600_000 ? "hour" : "hours"}`;
  if (ms >= 60_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 1000)} s`;
}

function learningWindow({ drift_learning_ms: ms, drift_learning_traces: traces }: DriftSettings): string {
  const time = `its first ${formatWindow(ms)} of traffic`;
  const count = `its first ${traces} ${traces === 1 ? "trace" : "traces"}`;
  if (ms > 0 && traces > 0) return `${time} and ${count}, whichever ends later`;
  return ms > 0 ? time : traces > 0 ? count : "no time at all (learning is switched off)";
}

/** The empty drift page: how drift works, with this workspace's learning window. */
export function NoDrift({ workspaceId }: { workspaceId: string }) {
  const settings = useQuery({
    queryKey: queryKeys.settings(workspaceId),
    queryFn: () => fetchJson<DriftSettings>(workspaceApi(workspaceId, "/settings/telemetry")),
    staleTime: 60_000,
  });
  const learning = learningWindow(settings.data ?? { drift_learning_ms: 86_400_000, drift_learning_traces: 100 });
  return (
    <EmptyState title="No drift" id="no-drift">
      <p>
        Flowprint learns each entry point&apos;s <strong className="font-medium text-zinc-900 dark:text-zinc-100">baseline</strong>, the paths its requests normally take through
        your services, during a learning window: {learning}. Every path seen meanwhile joins the baseline.
      </p>
      <p>
        After that, an alert appears here when requests take a path outside the baseline (a new variant) or a common path stops appearing (a missing variant). Nothing has
        changed so far.
      </p>
      <p>
        The learning window is set on the{" "}
        <Link href={`/w/${encodeURIComponent(workspaceId)}/settings`} className="text-indigo-700 underline dark:text-indigo-300">
          settings page
        </Link>
        .
      </p>
    </EmptyState>
  );
}
