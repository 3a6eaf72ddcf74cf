// Appends to the audit log what a caller just did.
import { actorOf, type Principal } from "../../auth/policy";
import { appendAuditEvent } from "../../store/account-repository";
import { getRuntime } from "../runtime";

/** The caller's address: the first X-Forwarded-For hop behind a proxy, else none known. */
export function clientAddress(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim() || null;
}

export async function audit(
  request: Request,
  principal: Principal,
  action: string,
  fields: { workspaceId?: string | null; target?: string | null; details?: Record<string, unknown> | null } = {},
): Promise<void> {
  await appendAuditEvent(getRuntime().store, { ...actorOf(principal), action, ...fields, ipAddress: clientAddress(request.headers) }, Date.now());
}
