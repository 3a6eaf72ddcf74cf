// Accounts beyond what Better Auth keeps: workspace roles, API tokens, the audit log and the
// instance's generated secrets. Reads and writes only; lib/auth decides.
import { randomUUID } from "node:crypto";
import type { Store } from "./db";
import type { ApiToken } from "./generated/sqlite/client";
import { sqlDialect } from "./sql-dialect";
import { ensureWorkspace } from "./workspace-repository";

export interface MemberRow {
  workspaceId: string;
  userId: string;
  email: string;
  name: string;
  role: string;
  createdAtMs: number;
}

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  userId: string | null;
  workspaceId: string | null;
  createdBy: string | null;
  createdAtMs: number;
  expiresAtMs: number | null;
  lastUsedAtMs: number | null;
  revokedAtMs: number | null;
}

export interface AuditEventInput {
  actorUserId: string | null;
  actor: string;
  action: string;
  workspaceId?: string | null;
  target?: string | null;
  details?: Record<string, unknown> | null;
  ipAddress?: string | null;
}

const num = (v: bigint | null) => (v === null ? null : Number(v));

export async function countUsers(store: Store): Promise<number> {
  return store.prisma.user.count();
}

export async function findUser(store: Store, userId: string): Promise<{ id: string; email: string; name: string; instanceAdmin: boolean } | null> {
  return store.prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, instanceAdmin: true } });
}

export async function setInstanceAdmin(store: Store, userId: string, instanceAdmin: boolean): Promise<void> {
  await store.prisma.user.update({ where: { id: userId }, data: { instanceAdmin } });
}

/** A user's role in each workspace they belong to. */
export async function rolesOfUser(store: Store, userId: string): Promise<Map<string, string>> {
  const rows = await store.prisma.workspaceMember.findMany({ where: { userId }, select: { workspaceId: true, role: true } });
  return new Map(rows.map((r) => [r.workspaceId, r.role]));
}

export async function listMembers(store: Store, workspaceId: string): Promise<MemberRow[]> {
  const rows = await store.prisma.workspaceMember.findMany({ where: { workspaceId }, include: { user: { select: { email: true, name: true } } }, orderBy: { createdAtMs: "asc" } });
  return rows.map((r) => ({ workspaceId: r.workspaceId, userId: r.userId, email: r.user.email, name: r.user.name, role: r.role, createdAtMs: Number(r.createdAtMs) }));
}

/** Adds the member or changes their role; a workspace nobody has used yet is created with its first member. */
export async function putMember(store: Store, workspaceId: string, userId: string, role: string, nowMs: number): Promise<void> {
  await ensureWorkspace(store, workspaceId);
  await store.prisma.workspaceMember.upsert({
    where: { workspaceId_userId: { workspaceId, userId } },
    create: { workspaceId, userId, role, createdAtMs: BigInt(nowMs) },
    update: { role },
  });
}

export async function removeMember(store: Store, workspaceId: string, userId: string): Promise<boolean> {
  const { count } = await store.prisma.workspaceMember.deleteMany({ where: { workspaceId, userId } });
  return count > 0;
}

/** Makes `userId` an admin of every workspace that has no member yet (the first administrator takes over an existing database). */
export async function adoptUnownedWorkspaces(store: Store, userId: string, nowMs: number): Promise<string[]> {
  const unowned = await store.prisma.workspace.findMany({ where: { members: { none: {} } }, select: { id: true }, orderBy: { id: "asc" } });
  for (const { id } of unowned) await putMember(store, id, userId, "admin", nowMs);
  return unowned.map((w) => w.id);
}

export async function insertApiToken(store: Store, token: Omit<ApiTokenRow, "lastUsedAtMs" | "revokedAtMs"> & { tokenHash: string }): Promise<void> {
  await store.prisma.apiToken.create({
    data: {
      id: token.id,
      name: token.name,
      tokenHash: token.tokenHash,
      prefix: token.prefix,
      scope: token.scope,
      userId: token.userId,
      workspaceId: token.workspaceId,
      createdBy: token.createdBy,
      createdAtMs: BigInt(token.createdAtMs),
      expiresAtMs: token.expiresAtMs === null ? null : BigInt(token.expiresAtMs),
    },
  });
}

function tokenRow(r: Omit<ApiToken, "tokenHash">): ApiTokenRow {
  return { ...r, createdAtMs: Number(r.createdAtMs), expiresAtMs: num(r.expiresAtMs), lastUsedAtMs: num(r.lastUsedAtMs), revokedAtMs: num(r.revokedAtMs) };
}

export async function findApiTokenByHash(store: Store, tokenHash: string): Promise<ApiTokenRow | null> {
  const row = await store.prisma.apiToken.findUnique({ where: { tokenHash }, omit: { tokenHash: true } });
  return row ? tokenRow(row) : null;
}

export async function listApiTokens(store: Store, where: { userId?: string | null; workspaceId?: string }): Promise<ApiTokenRow[]> {
  const rows = await store.prisma.apiToken.findMany({ where, omit: { tokenHash: true }, orderBy: { createdAtMs: "desc" } });
  return rows.map(tokenRow);
}

export async function findApiToken(store: Store, id: string): Promise<ApiTokenRow | null> {
  const row = await store.prisma.apiToken.findUnique({ where: { id }, omit: { tokenHash: true } });
  return row ? tokenRow(row) : null;
}

export async function revokeApiToken(store: Store, id: string, nowMs: number): Promise<boolean> {
  const { count } = await store.prisma.apiToken.updateMany({ where: { id, revokedAtMs: null }, data: { revokedAtMs: BigInt(nowMs) } });
  return count > 0;
}

export async function touchApiToken(store: Store, id: string, nowMs: number): Promise<void> {
  await store.prisma.apiToken.update({ where: { id }, data: { lastUsedAtMs: BigInt(nowMs) } });
}

export async function appendAuditEvent(store: Store, event: AuditEventInput, nowMs: number): Promise<void> {
  await store.prisma.auditEvent.create({
    data: {
      id: randomUUID(),
      atMs: BigInt(nowMs),
      actorUserId: event.actorUserId,
      actor: event.actor,
      action: event.action,
      workspaceId: event.workspaceId ?? null,
      target: event.target ?? null,
      details: (event.details ?? undefined) as never,
      ipAddress: event.ipAddress ?? null,
    },
  });
}

export interface AuditEventRow {
  id: string;
  atMs: number;
  actorUserId: string | null;
  actor: string;
  action: string;
  workspaceId: string | null;
  target: string | null;
  details: unknown;
  ipAddress: string | null;
}

/** Newest first; `workspaceId` null: the whole instance's log. */
export async function listAuditEvents(
  store: Store,
  query: { workspaceId: string | null; action?: string; actor?: string; limit: number; offset: number },
): Promise<{ events: AuditEventRow[]; total: number }> {
  const where = {
    ...(query.workspaceId !== null ? { workspaceId: query.workspaceId } : {}),
    ...(query.action ? { action: { startsWith: query.action } } : {}),
    ...(query.actor ? { actor: query.actor } : {}),
  };
  const [rows, total] = await Promise.all([
    store.prisma.auditEvent.findMany({ where, orderBy: [{ atMs: "desc" }, { id: "desc" }], take: query.limit, skip: query.offset }),
    store.prisma.auditEvent.count({ where }),
  ]);
  return { events: rows.map((r) => ({ ...r, atMs: Number(r.atMs) })), total };
}

export async function deleteAuditEventsBefore(store: Store, beforeMs: number): Promise<number> {
  const { count } = await store.prisma.auditEvent.deleteMany({ where: { atMs: { lt: BigInt(beforeMs) } } });
  return count;
}

/** The instance's value for `key`, created by `make` on first use (atomic across instances). */
export async function instanceSetting(store: Store, key: string, make: () => string): Promise<string> {
  const existing = await store.prisma.instanceSetting.findUnique({ where: { key } });
  if (existing) return existing.value;
  const d = sqlDialect(store.dialect);
  // Another instance may create it first: its value wins, and both read that one.
  await store.prisma.$executeRawUnsafe(`INSERT INTO instance_settings (key, value) VALUES (${d.param(1)}, ${d.param(2)}) ON CONFLICT (key) DO NOTHING`, key, make());
  return (await store.prisma.instanceSetting.findUniqueOrThrow({ where: { key } })).value;
}

export async function isKeylessIngestAllowed(store: Store, workspaceId: string): Promise<boolean | null> {
  const row = await store.prisma.workspace.findUnique({ where: { id: workspaceId }, select: { keylessIngest: true } });
  return row ? row.keylessIngest : null;
}

export async function listUsers(store: Store): Promise<{ id: string; email: string; name: string; instance_admin: boolean; created_at: string }[]> {
  const rows = await store.prisma.user.findMany({ orderBy: { email: "asc" }, select: { id: true, email: true, name: true, instanceAdmin: true, createdAt: true } });
  return rows.map((u) => ({ id: u.id, email: u.email, name: u.name, instance_admin: u.instanceAdmin, created_at: u.createdAt.toISOString() }));
}

export async function findUserByEmail(store: Store, email: string): Promise<{ id: string; email: string } | null> {
  return store.prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true } });
}
