// One colour per model across the page's charts and tables. Assigned in the order of the
// workspace's models (most calls first), which a range or model filter does not change, so a
// model keeps its colour while the user narrows the page.

// Mid-tone hues that read on both the light and the dark background.
const PALETTE = ["#6366f1", "#f59e0b", "#10b981", "#ec4899", "#0ea5e9", "#8b5cf6", "#84cc16", "#f97316"];
const FALLBACK = "#71717a";

export type ModelColours = (model: string) => string;

export function modelColours(models: readonly string[]): ModelColours {
  const byModel = new Map(models.map((model, i) => [model, PALETTE[i % PALETTE.length]]));
  return (model) => byModel.get(model) ?? FALLBACK;
}

/** How a model is named on screen: calls that recorded no model still need a name. */
export const modelLabel = (model: string) => (model === "" ? "unknown model" : model);
