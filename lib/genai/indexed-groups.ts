// Flattened lists, as OpenLLMetry and OpenInference write them: `prefix.0.role`,
// `prefix.0.content`, `prefix.1.role`, ... Indices may start anywhere and skip numbers (a
// message the instrumentation could not serialise leaves a gap), so order, not position, counts.

/** The entries under `prefix.N.` grouped by N in ascending order, each keyed by the rest of its key. */
export function indexedGroups<V>(flat: Readonly<Record<string, V>>, prefix: string): Record<string, V>[] {
  const head = `${prefix}.`;
  const groups = new Map<number, Record<string, V>>();
  for (const [key, value] of Object.entries(flat)) {
    if (!key.startsWith(head)) continue;
    const match = /^(\d+)\.(.+)$/.exec(key.slice(head.length));
    if (!match) continue;
    const index = Number(match[1]);
    const group = groups.get(index) ?? {};
    group[match[2]] = value;
    groups.set(index, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
}
