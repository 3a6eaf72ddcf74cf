import { KIND_STYLE, kindLabel, STATE_LABEL, type DriftTab } from "./drift-labels";

export function DriftKindBadge({ kind }: { kind: string }) {
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${KIND_STYLE[kind] ?? KIND_STYLE.new_variant}`} data-testid="drift-kind">
      {kindLabel(kind)}
    </span>
  );
}

const STATE_STYLE: Record<DriftTab, string> = {
  open: "bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-300",
  rare: "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100",
  dismissed: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  accepted: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
};

export function DriftStateBadge({ state }: { state: string }) {
  const tab = (state in STATE_STYLE ? state : "open") as DriftTab;
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-semibold ${STATE_STYLE[tab]}`} data-testid="drift-state">
      {STATE_LABEL[tab]}
    </span>
  );
}
