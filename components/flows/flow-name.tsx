import type { FlowView } from "./flow-types";

/**
 * A flow's name with the part that tells its entry point's variants apart (`· + loyalty`) set
 * off and never cut: where space is short the entry point's name is shortened instead, since
 * the label is what distinguishes rows that share it. The text read out is the whole name, as
 * the API returns it.
 */
export function FlowName({ flow }: { flow: Pick<FlowView, "name" | "variant_label"> }) {
  const suffix = flow.variant_label === null ? "" : ` · ${flow.variant_label}`;
  if (suffix === "" || !flow.name.endsWith(suffix)) return <span className="block truncate">{flow.name}</span>;
  return (
    <span className="flex min-w-0 items-baseline">
      <span className="min-w-[6ch] truncate">{flow.name.slice(0, -suffix.length)}</span>
      <span className="max-w-[75%] shrink-0 overflow-hidden font-normal text-ellipsis whitespace-pre text-zinc-500 dark:text-zinc-400" data-testid="flow-variant-label">
        {suffix}
      </span>
    </span>
  );
}
