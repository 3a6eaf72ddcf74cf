// A workspace's coverage at its last evaluation, for coverage.dropped. Written conditionally on
// the evaluation it replaces, so of two instances evaluating at once only one moves it on.
import type { Store } from "./db";

export interface StoredCoverageState {
  coveredCount: number;
  endpointCount: number;
  endpoints: string[];
  covered: string[];
  checkedAtMs: number;
}

export async function readCoverageState(store: Store, workspaceId: string): Promise<StoredCoverageState | null> {
  const row = await store.prisma.coverageState.findUnique({ where: { workspaceId } });
  if (!row) return null;
  return { coveredCount: row.coveredCount, endpointCount: row.endpointCount, endpoints: row.endpoints as string[], covered: row.covered as string[], checkedAtMs: Number(row.checkedAtMs) };
}

/**
 * Replaces the state read as `previous` (null: none was stored) with `next`; false when another
 * evaluation replaced or created it first.
 */
export async function replaceCoverageState(store: Store, workspaceId: string, previous: StoredCoverageState | null, next: StoredCoverageState): Promise<boolean> {
  const data = { coveredCount: next.coveredCount, endpointCount: next.endpointCount, endpoints: next.endpoints, covered: next.covered, checkedAtMs: BigInt(next.checkedAtMs) };
  if (previous === null) {
    try {
      await store.prisma.coverageState.create({ data: { workspaceId, ...data } });
      return true;
    } catch (error) {
      // Another evaluation created it first.
      if ((error as { code?: string }).code === "P2002") return false;
      throw error;
    }
  }
  const updated = await store.prisma.coverageState.updateMany({ where: { workspaceId, checkedAtMs: BigInt(previous.checkedAtMs) }, data });
  return updated.count === 1;
}

export async function deleteCoverageStates(store: Store, keepWorkspaceIds: readonly string[]): Promise<void> {
  await store.prisma.coverageState.deleteMany({ where: { workspaceId: { notIn: [...keepWorkspaceIds] } } });
}
