// What exporting every variant of one entry point reads: each flow as a single export reads it,
// the variant labels, the cached explanations, and the entry attributes of each representative
// trace (to tell whether replaying it can show its variant's explanation).
import type { VariantExplanation } from "../drift/explain-variants";
import type { VariantToExport } from "../export/build-variant-tests";
import type { Store } from "./db";
import { entryPointExplanations } from "./drift-queries";
import { loadFlowForExport } from "./export-queries";
import { variantLabels } from "./flow-queries";

export interface EntryPointForExport {
  /** Busiest variant first. */
  variants: VariantToExport[];
  explanations: VariantExplanation[];
  timeoutMs: number;
}

/** Null when the entry point has no flows. */
export async function loadEntryPointForExport(store: Store, workspaceId: string, entryService: string, entryOperation: string): Promise<EntryPointForExport | null> {
  const rows = await store.prisma.flow.findMany({
    where: { workspaceId, entryService, entryOperation },
    select: { id: true },
    orderBy: [{ occurrenceCount: "desc" }, { id: "asc" }],
  });
  if (rows.length === 0) return null;
  const labels = await variantLabels(store, workspaceId, [{ entryService, entryOperation }]);
  const variants: VariantToExport[] = [];
  let timeoutMs = 30_000;
  for (const { id } of rows) {
    const loaded = await loadFlowForExport(store, workspaceId, id);
    // Deleted since the list was read.
    if (!loaded) continue;
    timeoutMs = loaded.timeoutMs;
    const traceFlow = loaded.entry
      ? await store.prisma.traceFlow.findUnique({ where: { workspaceId_traceId: { workspaceId, traceId: loaded.entry.traceId } }, select: { entryAttributes: true } })
      : null;
    variants.push({
      flow: loaded.flow,
      entry: loaded.entry,
      variantLabel: labels.get(id) ?? null,
      entryAttributes: (traceFlow?.entryAttributes ?? null) as Record<string, string> | null,
    });
  }
  if (variants.length === 0) return null;
  return { variants, explanations: await entryPointExplanations(store, workspaceId, entryService, entryOperation), timeoutMs };
}
