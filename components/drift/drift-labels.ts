// The words the drift pages use for states and kinds, in one place so list and diff agree.

export const DRIFT_TABS = ["open", "rare", "dismissed", "accepted"] as const;
export type DriftTab = (typeof DRIFT_TABS)[number];

export const STATE_LABEL: Record<DriftTab, string> = { open: "Open", rare: "Rare", dismissed: "Dismissed", accepted: "Accepted" };

export const STATE_DESCRIPTION: Record<DriftTab, string> = {
  open: "Paths that changed and wait for a review.",
  rare: "New paths too rare to alert on yet; one opens if its share of traffic grows.",
  dismissed: "Silenced without changing the baseline; they can still be accepted.",
  accepted: "Reviewed changes that are part of their entry point's baseline now.",
};

export const isDriftTab = (value: string | null): value is DriftTab => DRIFT_TABS.includes(value as DriftTab);

export function kindLabel(kind: string): string {
  return kind === "variant_missing" ? "Variant missing" : "New variant";
}

export const KIND_STYLE: Record<string, string> = {
  new_variant: "bg-orange-100 text-orange-800 ring-orange-600/20 dark:bg-orange-950 dark:text-orange-300 dark:ring-orange-400/30",
  variant_missing: "bg-violet-100 text-violet-800 ring-violet-600/20 dark:bg-violet-950 dark:text-violet-300 dark:ring-violet-400/30",
};
