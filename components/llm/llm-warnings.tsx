import Link from "next/link";
import type { UsageWarning } from "./llm-types";

/** The models over the workspace's alert thresholds, in the API's words. */
export function LlmWarnings({ workspaceId, warnings }: { workspaceId: string; warnings: UsageWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <section aria-labelledby="llm-warnings-title" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm dark:border-amber-800/80 dark:bg-amber-950/40" data-testid="llm-warnings">
      <h2 id="llm-warnings-title" className="flex items-center gap-2 font-medium text-amber-900 dark:text-amber-200">
        <svg viewBox="0 0 20 20" className="h-4 w-4 shrink-0" fill="currentColor" aria-hidden>
          <path d="M10 2.5 1.5 17.5h17L10 2.5Zm-.75 5h1.5v5h-1.5v-5Zm0 6.5h1.5v1.5h-1.5V14Z" />
        </svg>
        {warnings.length === 1 ? "A model is over its alert threshold" : `${warnings.length} alert thresholds exceeded`}
      </h2>
      <ul className="mt-1.5 list-disc space-y-0.5 pl-10 text-amber-900 dark:text-amber-100">
        {warnings.map((w) => (
          <li key={`${w.model}-${w.metric}`} data-testid="llm-warning">
            {w.message}
          </li>
        ))}
      </ul>
      <p className="mt-2 pl-6 text-xs text-amber-800 dark:text-amber-300">
        Thresholds are set in the{" "}
        <Link href={`/w/${encodeURIComponent(workspaceId)}/settings#group-llm`} className="underline underline-offset-2 hover:no-underline">
          workspace settings
        </Link>
        .
      </p>
    </section>
  );
}
