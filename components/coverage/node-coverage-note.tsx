import Link from "next/link";
import type { CoverageMark } from "@/lib/diagnosis/mark-graph-coverage";
import { CoverageBadge } from "./coverage-badge";
import { coverageHref } from "./coverage-links";

const TEXT: Record<"service" | "endpoint", Record<CoverageMark, string>> = {
  endpoint: {
    covered: "A test through this endpoint passed within the coverage window.",
    partial: "Several services serve this route; a test passed through some of them within the coverage window, not all.",
    uncovered: "No test through this endpoint passed within the coverage window.",
  },
  service: {
    covered: "Every endpoint of this service had a passing test within the coverage window.",
    partial: "Some endpoints of this service had a passing test within the coverage window; others had none.",
    uncovered: "None of this service's endpoints had a passing test within the coverage window.",
  },
};

/** The service graph's details panel: what a node's coverage mark means, and where to see more. */
export function NodeCoverageNote({ workspaceId, mark, kind }: { workspaceId: string; mark: CoverageMark; kind: "service" | "endpoint" }) {
  return (
    <section aria-labelledby="node-coverage-title" className="space-y-1.5" data-testid="node-coverage-note">
      <div className="flex items-center justify-between gap-2">
        <h3 id="node-coverage-title" className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
          Test coverage
        </h3>
        <CoverageBadge mark={mark} />
      </div>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {TEXT[kind][mark]}{" "}
        <Link href={coverageHref(workspaceId)} className="text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300">
          See coverage
        </Link>
      </p>
    </section>
  );
}
