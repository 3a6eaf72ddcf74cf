import type { FlowView } from "./flow-types";

/**
 * A flow's name with the part that tells its entry point's variants apart (`· + loyalty`) set
 * off; the text read out is the whole name, as the API returns it.
 */
export function FlowName({ flow }: { flow: Pick<FlowView, "name" | "variant_label"> }) {
  const suffix = flow.variant_label === null ? "" : ` · ${flow.variant_label}`;
  if (suffix === "" || !flow.name.endsWith(suffix)) return <>{flow.name}</>;
  return (
    <>
      {flow.name.slice(0, -suffix.length)}
      <span className="font-normal text-zinc-500 dark:text-zinc-400" data-testid="flow-variant-label">
        {suffix}
      </span>
    </>
  );
}
