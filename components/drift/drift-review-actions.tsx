"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { DriftAlert } from "./drift-types";
import { useDriftAction, type DriftAction } from "./use-drift-alert";
import { RelativeTime } from "@/components/ui/relative-time";

function wording(alert: DriftAlert) {
  const entry = `${alert.entry_service} ${alert.entry_operation}`;
  return alert.kind === "variant_missing"
    ? {
        accept: { label: "Accept removal", effect: `Takes the missing path out of ${entry}'s baseline. Should it come back, it raises a new alert.` },
        dismiss: { label: "Dismiss", effect: "Silences this alert. The path stays in the baseline." },
        accepted: "Accepted: the missing path is no longer part of the baseline.",
        dismissed: "Dismissed: the alert is silenced and the path stays in the baseline.",
      }
    : {
        accept: { label: "Accept new path", effect: `Adds this path to ${entry}'s baseline: traces taking it are expected from now on.` },
        dismiss: { label: "Dismiss", effect: "Silences this alert without changing the baseline. You can still accept it later." },
        accepted: "Accepted: the new path is part of the baseline now.",
        dismissed: "Dismissed: the alert is silenced; the baseline is unchanged.",
      };
}

/** Accept and Dismiss, each saying what it does, offered only where the alert's state allows. */
export function DriftReviewActions({ workspaceId, alert }: { workspaceId: string; alert: DriftAlert }) {
  const action = useDriftAction(workspaceId, alert.id);
  const [done, setDone] = useState<DriftAction | null>(null);
  const words = wording(alert);
  const canAccept = alert.state !== "accepted";
  const canDismiss = alert.state === "open" || alert.state === "rare";
  const run = (which: DriftAction) => {
    setDone(null);
    action.mutate(which, { onSuccess: () => setDone(which) });
  };

  return (
    <div className="*:last:mb-0">
      {/* The outcome is announced; the region stays in the DOM so screen readers hear it appear. */}
      <div role="status" aria-live="polite" data-testid="drift-action-status">
        {done ? (
          <p className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200">{done === "accept" ? words.accepted : words.dismissed}</p>
        ) : null}
      </div>
      {action.isError ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/60 dark:text-red-200">
          Could not {action.variables === "accept" ? "accept" : "dismiss"} the alert: {action.error.message}
        </p>
      ) : null}

      {alert.state === "accepted" && !done ? (
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          {words.accepted} <span className="text-zinc-500">(reviewed <RelativeTime iso={alert.updated_at} />)</span>
        </p>
      ) : null}
      {alert.state === "dismissed" && !done ? (
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          Dismissed <RelativeTime iso={alert.updated_at} />; the baseline is unchanged. You can still accept it.
        </p>
      ) : null}

      {canAccept || canDismiss ? (
        <ul className="space-y-3">
          {canAccept ? (
            <li className="flex flex-wrap items-center gap-3">
              <Button variant="primary" className="w-40 shrink-0" disabled={action.isPending} onClick={() => run("accept")} aria-describedby="drift-accept-effect">
                {action.isPending && action.variables === "accept" ? "Accepting…" : words.accept.label}
              </Button>
              <span id="drift-accept-effect" className="min-w-0 flex-1 text-sm text-zinc-600 dark:text-zinc-400">
                {words.accept.effect}
              </span>
            </li>
          ) : null}
          {canDismiss ? (
            <li className="flex flex-wrap items-center gap-3">
              <Button className="w-40 shrink-0" disabled={action.isPending} onClick={() => run("dismiss")} aria-describedby="drift-dismiss-effect">
                {action.isPending && action.variables === "dismiss" ? "Dismissing…" : words.dismiss.label}
              </Button>
              <span id="drift-dismiss-effect" className="min-w-0 flex-1 text-sm text-zinc-600 dark:text-zinc-400">
                {words.dismiss.effect}
              </span>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
