// Workspaces and their ingest keys.
import { randomBytes, randomUUID } from "node:crypto";
import { hashApiToken } from "../auth/api-token";
import type { Store } from "./db";
import { sqlDialect } from "./sql-dialect";

const known = new WeakMap<Store, Set<string>>();

/** Creates the workspace on first use; cached so the hot path pays once per process. */
export async function ensureWorkspace(store: Store, workspaceId: string): Promise<void> {
  let seen = known.get(store);
  if (!seen) known.set(store, (seen = new Set()));
  if (seen.has(workspaceId)) return;
  const d = sqlDialect(store.dialect);
  await store.prisma.$executeRawUnsafe(
    `INSERT INTO workspaces (id, name, created_at_ms) VALUES (${d.param(1)}, ${d.param(2)}, ${d.param(3, "bigint")}) ON CONFLICT (id) DO NOTHING`,
    workspaceId,
    workspaceId,
    BigInt(Date.now()),
  );
  seen.add(workspaceId);
}

export interface WorkspaceView {
  id: string;
  name: string;
  created_at: string;
}

export async function listWorkspaces(store: Store): Promise<WorkspaceView[]> {
  const rows = await store.prisma.workspace.findMany({ orderBy: { id: "asc" } });
  return rows.map((w) => ({ id: w.id, name: w.name, created_at: new Date(Number(w.createdAtMs)).toISOString() }));
}

/** Ingest keys are kept as API tokens are: their SHA-256, never the key. */
export const hashIngestKey = hashApiToken;

export interface IngestKeyView {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
}

function keyView(k: { id: string; name: string; prefix: string; createdAtMs: bigint; revokedAtMs: bigint | null }): IngestKeyView {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    created_at: new Date(Number(k.createdAtMs)).toISOString(),
    revoked_at: k.revokedAtMs === null ? null : new Date(Number(k.revokedAtMs)).toISOString(),
  };
}

/** Creates a key; the secret is returned here once and only its hash is kept. */
export async function createIngestKey(store: Store, workspaceId: string, name: string): Promise<{ key: string; ingest_key: IngestKeyView }> {
  await ensureWorkspace(store, workspaceId);
  const key = `fp_${randomBytes(24).toString("base64url")}`;
  const row = await store.prisma.ingestKey.create({
    data: {
      id: randomUUID(),
      workspaceId,
      name,
      keyHash: hashIngestKey(key),
      prefix: key.slice(0, 10),
      createdAtMs: BigInt(Date.now()),
    },
  });
  return { key, ingest_key: keyView(row) };
}

export async function listIngestKeys(store: Store, workspaceId: string): Promise<IngestKeyView[]> {
  const rows = await store.prisma.ingestKey.findMany({ where: { workspaceId }, orderBy: { createdAtMs: "desc" } });
  return rows.map(keyView);
}

/** Revokes a key of this workspace; false when it does not exist here. Idempotent. */
export async function revokeIngestKey(store: Store, workspaceId: string, id: string): Promise<boolean> {
  const result = await store.prisma.ingestKey.updateMany({
    where: { id, workspaceId, revokedAtMs: null },
    data: { revokedAtMs: BigInt(Date.now()) },
  });
  if (result.count > 0) return true;
  return (await store.prisma.ingestKey.count({ where: { id, workspaceId } })) > 0;
}

/**
 * Hash → workspace of every key that is not revoked, and whether any key was ever created:
 * once one was, ingestion stays closed to requests without a key even after the last revoke.
 */
export async function ingestKeyHashes(store: Store): Promise<{ active: Map<string, string>; anyCreated: boolean }> {
  const rows = await store.prisma.ingestKey.findMany({ select: { keyHash: true, workspaceId: true, revokedAtMs: true } });
  const active = new Map(rows.filter((r) => r.revokedAtMs === null).map((r) => [r.keyHash, r.workspaceId]));
  return { active, anyCreated: rows.length > 0 };
}

/** Workspaces whose admin allows ingestion without a key (used with authentication on). */
export async function keylessIngestWorkspaces(store: Store): Promise<Set<string>> {
  const rows = await store.prisma.workspace.findMany({ where: { keylessIngest: true }, select: { id: true } });
  return new Set(rows.map((w) => w.id));
}

/** Of these workspaces, those whose settings have `flag` set to `value`. */
export async function workspacesWhere(store: Store, ids: readonly string[], flag: "autoDiscovery" | "autoValidation", value: boolean): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await store.prisma.workspace.findMany({ where: { id: { in: [...new Set(ids)] }, [flag]: value }, select: { id: true } });
  return new Set(rows.map((w) => w.id));
}
