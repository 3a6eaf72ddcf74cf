import type { FlowView } from "./flow-types";

/**
 * A flow's name with the part that tells its entry point's variants apart (`· + loyalty`) set
 * off and never cut: where space is short the entry point's name is shortened instead, since
 * the label is what distinguishes rows that share it. `stacked` puts the label on a line of its
 * own that wraps (the flow table, where the column is narrow and labels can name several
 * calls). The text read out is the whole name, as the API returns it.
 */
export function FlowName({ flow, stacked = false }: { flow: Pick<FlowView, "name" | "variant_label">; stacked?: boolean }) {
  const suffix = flow.variant_label === null ? "" : ` · ${flow.variant_label}`;
  if (suffix === "" || !flow.name.endsWith(suffix)) return <span className="block truncate">{flow.name}</span>;
  const entryName = flow.name.slice(0, -suffix.length);
  if (stacked) {
    return (
      <span className="block min-w-0">
        <span className="block truncate">{entryName}</span>
        <span className="sr-only"> · </span>
        <span className="block text-xs font-normal whitespace-normal text-zinc-600 dark:text-zinc-400" data-testid="flow-variant-label">
          {flow.variant_label}
        </span>
      </span>
    );
  }
  return (
    <span className="flex min-w-0 items-baseline">
      <span className="min-w-[6ch] truncate">{entryName}</span>
      <span className="max-w-[75%] shrink-0 overflow-hidden font-normal text-ellipsis whitespace-pre text-zinc-500 dark:text-zinc-400" data-testid="flow-variant-label">
        {suffix}
      </span>
    </span>
  );
}
