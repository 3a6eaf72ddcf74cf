"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { describeLearning } from "@/lib/drift/describe-learning";
import type { DriftLearning, EntryPointLearning } from "./drift-types";
import { learningWindowText } from "./learning-window-text";

function LearningRow({ entry }: { entry: EntryPointLearning }) {
  const words = describeLearning({ tracesSeen: entry.traces_seen, tracesNeeded: entry.traces_needed, remainingMs: entry.remaining_ms, ready: entry.ready });
  const percent = Math.round(entry.progress * 100);
  const name = `${entry.entry_service} ${entry.entry_operation}`;
  return (
    <li className="grid gap-x-4 gap-y-1 px-4 py-2.5 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center" data-testid="learning-entry" data-ready={entry.ready}>
      <div className="min-w-0 truncate" title={name}>
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{entry.entry_service}</span>{" "}
        <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{entry.entry_operation}</span>
      </div>
      <div className="flex items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400">
        <div
          role="progressbar"
          aria-label={`Baseline learning of ${name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${words.traces}, ${words.status}`}
          className="h-1.5 w-28 shrink-0 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div className={`h-full rounded-full ${entry.ready ? "bg-emerald-500" : "bg-indigo-500"}`} style={{ width: `${Math.max(entry.progress > 0 ? 3 : 0, percent)}%` }} />
        </div>
        <span className="w-28 tabular-nums">{words.traces}</span>
        {entry.ready ? (
          <span className="w-32 font-medium text-emerald-700 dark:text-emerald-400">{words.status}</span>
        ) : (
          <span className="w-32">{words.status}</span>
        )}
      </div>
    </li>
  );
}

/**
 * Each entry point's progress through its learning window. Until it ends no alert can open, so
 * a first session would otherwise show an empty page with no sign that anything is happening.
 */
export function DriftLearningCard({
  learning,
  isError,
  error,
  onRetry,
  explainWindow,
}: {
  learning: DriftLearning | undefined;
  isError: boolean;
  error: Error | null;
  onRetry: () => void;
  /** Say what the window is; the empty drift page above the card already does. */
  explainWindow: boolean;
}) {
  const [showReady, setShowReady] = useState(false);
  if (learning === undefined) {
    return isError && error ? <ErrorState what="learning progress" error={error} onRetry={onRetry} /> : <Skeleton label="Loading learning progress" rows={3} className="h-8" />;
  }
  if (learning.total === 0) return null;
  const still = learning.entry_points.filter((e) => !e.ready);
  const ready = learning.entry_points.filter((e) => e.ready);
  const shown = still.length === 0 || showReady ? [...still, ...ready] : still;
  const allReady = learning.learning === 0;
  return (
    <Card aria-labelledby="drift-learning-title" data-testid="drift-learning">
      <CardHeader
        id="drift-learning-title"
        title="Learning baselines"
        actions={
          <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400" data-testid="drift-learning-summary">
            {allReady ? (learning.total === 1 ? "ready" : `all ${learning.total} ready`) : `${learning.learning} learning, ${learning.ready} ready`}
          </span>
        }
      />
      {explainWindow ? (
        <p className="px-4 pt-3 pb-2 text-sm text-zinc-600 dark:text-zinc-400">
          An entry point learns from {learningWindowText(learning.learning_ms, learning.learning_traces)}; alerts can open once its baseline is ready.
        </p>
      ) : null}
      {allReady && !showReady ? (
        <div className="px-4 py-3">
          <Button size="sm" variant="ghost" onClick={() => setShowReady(true)} aria-expanded={false}>
            {learning.total === 1 ? "Show the entry point" : `Show all ${learning.total} entry points`}
          </Button>
        </div>
      ) : (
        <>
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Entry points and their baseline learning">
            {shown.map((e) => (
              <LearningRow key={`${e.entry_service}\u0000${e.entry_operation}`} entry={e} />
            ))}
          </ul>
          {ready.length > 0 ? (
            <div className="border-t border-zinc-100 px-4 py-2 dark:border-zinc-800">
              <Button size="sm" variant="ghost" onClick={() => setShowReady(!showReady)} aria-expanded={showReady}>
                {showReady ? (allReady ? "Hide the entry points" : "Hide ready entry points") : `Show ${ready.length} ready ${ready.length === 1 ? "entry point" : "entry points"}`}
              </Button>
            </div>
          ) : null}
        </>
      )}
      {learning.total > learning.entry_points.length ? (
        <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          Showing {learning.entry_points.length} of {learning.total} entry points, those furthest from ready first.
        </p>
      ) : null}
    </Card>
  );
}
