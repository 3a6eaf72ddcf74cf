/**
 * The service a node belongs to: the one that typed it in the most traces, ties broken by
 * code-unit order of the name. Counts rather than first-seen so the answer depends only on
 * which traces are in the graph, never on the order they were merged or taken out in.
 * "" only for an empty tally, which no node of a consistent graph has.
 */
export function pickNodeService(serviceTraceCounts: Iterable<readonly [string, number]>): string {
  let best = "";
  let bestCount = 0;
  for (const [service, count] of serviceTraceCounts) {
    if (count > bestCount || (count === bestCount && count > 0 && service < best)) {
      best = service;
      bestCount = count;
    }
  }
  return best;
}
