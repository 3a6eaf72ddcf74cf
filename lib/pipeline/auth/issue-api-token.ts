// Creates an API token: the secret goes back to the caller once; the store keeps its hash.
import { randomUUID } from "node:crypto";
import { generateApiToken } from "../../auth/api-token";
import { findApiToken, insertApiToken, type ApiTokenRow } from "../../store/account-repository";
import type { Store } from "../../store/db";

export interface TokenRequest {
  name: string;
  scope: "read" | "write";
  userId: string | null;
  workspaceId: string | null;
  createdBy: string | null;
  expiresInDays: number | null;
}

export async function issueApiToken(store: Store, request: TokenRequest, nowMs: number): Promise<{ token: string; row: ApiTokenRow }> {
  const { token, prefix, hash } = generateApiToken();
  const id = randomUUID();
  const expiresAtMs = request.expiresInDays === null ? null : nowMs + request.expiresInDays * 86_400_000;
  await insertApiToken(store, { id, name: request.name, prefix, scope: request.scope, userId: request.userId, workspaceId: request.workspaceId, createdBy: request.createdBy, createdAtMs: nowMs, expiresAtMs, tokenHash: hash });
  return { token, row: (await findApiToken(store, id))! };
}
