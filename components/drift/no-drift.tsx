"use client";

import Link from "next/link";
import { EmptyState } from "@/components/ui/states";
import type { DriftLearning } from "./drift-types";
import { learningWindowText } from "./learning-window-text";

function headline(learning: DriftLearning | undefined): { title: string; status: string } {
  // Still loading: the learning card below shows its skeleton meanwhile.
  if (!learning) return { title: "No drift yet", status: "" };
  if (learning.total === 0) {
    return { title: "No drift yet", status: "No traces yet: an entry point starts learning with its first trace. Send traces and its progress appears here." };
  }
  if (learning.learning > 0) {
    const of = learning.learning === learning.total ? `All ${learning.total}` : `${learning.learning} of ${learning.total}`;
    return {
      title: "No drift yet: learning",
      status: `${of} ${learning.total === 1 ? "entry point is" : "entry points are"} still learning their baseline; their progress is below. Nothing has changed so far.`,
    };
  }
  return { title: "No drift", status: `Every entry point's baseline is ready (${learning.total} in all), and nothing has changed so far.` };
}

/** The drift page without alerts: how drift works, this workspace's learning window and where learning stands. */
export function NoDrift({ workspaceId, learning }: { workspaceId: string; learning: DriftLearning | undefined }) {
  const { title, status } = headline(learning);
  const window = learningWindowText(learning?.learning_ms ?? 86_400_000, learning?.learning_traces ?? 100);
  return (
    <EmptyState title={title} id="no-drift">
      <p>
        Flowprint learns each entry point&apos;s <strong className="font-medium text-zinc-900 dark:text-zinc-100">baseline</strong>, the paths its requests normally take through
        your services, during a learning window: {window}. Every path seen meanwhile joins the baseline.
      </p>
      <p>After that, an alert appears here when requests take a path outside the baseline (a new variant) or a common path stops appearing (a missing variant).</p>
      {status ? <p data-testid="no-drift-status">{status}</p> : null}
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
