// Service colours for bars and legends. A service keeps its colour across traces because the
// colour comes from its name; red is left out, it means "error" everywhere.
const PALETTE = [
  "#6366f1", // indigo
  "#0ea5e9", // sky
  "#10b981", // emerald
  "#f59e0b", // amber
  "#a855f7", // purple
  "#14b8a6", // teal
  "#ec4899", // pink
  "#84cc16", // lime
  "#3b82f6", // blue
  "#f97316", // orange
  "#8b5cf6", // violet
  "#06b6d4", // cyan
] as const;

function hashName(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Colours for one trace's services: each takes its name's colour unless a service earlier in
 * name order already holds it, then the next free one, so a trace of up to twelve services never
 * shows two services alike.
 */
export function serviceColors(services: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  const taken = new Set<number>();
  for (const service of [...services].sort()) {
    let slot = hashName(service) % PALETTE.length;
    for (let tries = 0; tries < PALETTE.length && taken.has(slot); tries++) slot = (slot + 1) % PALETTE.length;
    taken.add(slot);
    colors.set(service, PALETTE[slot]);
  }
  return colors;
}

export const ERROR_COLOR = "#ef4444";
