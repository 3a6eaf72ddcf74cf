// The API's views of members, tokens and audit events (snake_case, ISO times).
import type { ApiTokenRow, AuditEventRow, MemberRow } from "../../store/account-repository";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function memberView(m: MemberRow) {
  return { user_id: m.userId, email: m.email, name: m.name, role: m.role, added_at: iso(m.createdAtMs) };
}

export function tokenView(t: ApiTokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scope: t.scope,
    workspace_id: t.workspaceId,
    created_at: iso(t.createdAtMs),
    expires_at: iso(t.expiresAtMs),
    last_used_at: iso(t.lastUsedAtMs),
    revoked_at: iso(t.revokedAtMs),
  };
}

export function auditView(e: AuditEventRow) {
  return { id: e.id, at: iso(e.atMs), actor: e.actor, action: e.action, workspace_id: e.workspaceId, target: e.target, details: e.details, ip_address: e.ipAddress };
}
