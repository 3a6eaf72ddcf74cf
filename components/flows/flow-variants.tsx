import Link from "next/link";
import { FlowRisk } from "./flow-risk";
import { Card, CardHeader } from "@/components/ui/card";
import { formatCount, formatPercent } from "@/lib/format/format-number";
import { errorTone } from "./error-tone";
import { ExportVariants } from "./export-variants";
import { ExplanationText } from "./explanation-text";
import { flowHref } from "./flow-links";
import { FlowPathSummary } from "./flow-path-summary";
import type { ExplanationView, FlowDetail, FlowView } from "./flow-types";

type Variant = FlowView & { explanations: ExplanationView[] };

/**
 * The other paths taken from the same entry point, and why each is taken when the traffic
 * tells (lib/drift/explain-variants). This flow comes first.
 */
export function FlowVariants({ workspaceId, flow }: { workspaceId: string; flow: FlowDetail }) {
  const all: Variant[] = [flow, ...flow.variants];
  const traffic = all.reduce((sum, v) => sum + v.occurrence_count, 0);
  return (
    <Card aria-labelledby="variants-title">
      <CardHeader
        id="variants-title"
        title="Variants of this entry point"
        actions={<span className="text-xs text-zinc-500 dark:text-zinc-400">{all.length === 1 ? "1 path" : `${all.length} paths`}</span>}
      />
      {flow.variants.length === 0 && flow.explanations.length === 0 ? (
        <p className="px-4 pt-3 text-sm text-zinc-600 dark:text-zinc-400">
          Every trace from <span className="font-medium">{flow.name}</span> has taken this path so far.
        </p>
      ) : null}
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="flow-variants">
        {all.map((variant) => {
          const current = variant.id === flow.id;
          const share = traffic === 0 ? 0 : variant.occurrence_count / traffic;
          return (
            <li key={variant.id} className={`px-4 py-3 ${current ? "bg-indigo-50/60 dark:bg-indigo-950/25" : ""}`} data-testid="flow-variant" data-flow-id={variant.id}>
              <div className="flex min-w-0 items-center gap-2">
                {variant.variant_label !== null ? <VariantLabel label={variant.variant_label} /> : null}
                {current ? (
                  <>
                    <FlowPathSummary path={variant.path} className="text-zinc-700 dark:text-zinc-300" />
                    <span className="shrink-0 rounded bg-indigo-100 px-1.5 py-px text-[11px] font-medium text-indigo-800 dark:bg-indigo-900/70 dark:text-indigo-200">This flow</span>
                  </>
                ) : (
                  <Link
                    href={flowHref(workspaceId, variant.id)}
                    className="min-w-0 rounded hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 [&_*]:text-indigo-700 dark:[&_*]:text-indigo-300"
                  >
                    <FlowPathSummary path={variant.path} />
                  </Link>
                )}
              </div>
              <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1">
                <FlowRisk level={variant.risk_level} score={variant.risk_score} />
                <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
                  {formatCount(variant.occurrence_count)} traces · <span className={errorTone(variant.error_rate)}>{formatPercent(variant.error_rate)} errors</span>
                </span>
                <span className="ml-auto flex items-center gap-2 text-xs text-zinc-500 tabular-nums dark:text-zinc-400" title="Share of the entry point's traces">
                  <span aria-hidden className="h-1.5 w-20 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
                    <span className="block h-full rounded-full bg-indigo-500" style={{ width: `${Math.max(2, share * 100)}%` }} />
                  </span>
                  {formatPercent(share)} of traffic
                </span>
              </div>
              {variant.explanations.length > 0 ? (
                <ul className="mt-2 space-y-1">
                  {variant.explanations.map((e) => (
                    <li key={e.text} className="flex gap-2 text-sm text-zinc-700 dark:text-zinc-300" data-testid="flow-explanation" title="Counted in the traces of this variant sampled when the variants were last compared">
                      <span aria-hidden className="mt-px text-amber-500">
                        ◆
                      </span>
                      <span>
                        <ExplanationText text={e.text} />
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
      {flow.variants.length > 0 ? <ExportVariants workspaceId={workspaceId} flow={flow} /> : null}
    </Card>
  );
}

function VariantLabel({ label }: { label: string }) {
  return (
    <span className="shrink-0 rounded bg-zinc-100 px-1.5 py-px text-[11px] font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" data-testid="flow-variant-label">
      {label}
    </span>
  );
}
