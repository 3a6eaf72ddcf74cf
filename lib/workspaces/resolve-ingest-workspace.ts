// Which workspace an OTLP request writes to, and whether it may.
import { bearerToken } from "../auth/api-token";
import { DEFAULT_WORKSPACE_ID, isValidWorkspaceId, WORKSPACE_ID_RULE } from "./workspace-id";

export type IngestAccess =
  | { ok: true; workspaceId: string }
  | { ok: false; status: 400 | 401 | 403; message: string };

export interface IngestCredentials {
  /** The X-Workspace-ID header, or null. */
  workspaceHeader: string | null;
  /** The Authorization header, or null. */
  authorization: string | null;
}

export interface IngestKeyring {
  /** True when at least one key exists: ingestion then requires one. */
  enabled: boolean;
  /** The workspace a key belongs to, or null for an unknown or revoked key. */
  workspaceOf(key: string): string | null;
  /**
   * With authentication on, the workspaces that take spans without a key (their admin turned
   * keyless ingestion on); null with authentication off, where keyless ingestion is open while
   * no key exists.
   */
  keylessWorkspaces?: ReadonlySet<string> | null;
}

/**
 * Without keys, the header picks the workspace (default "default"). With keys, the key picks
 * it and a header naming another workspace is refused rather than silently ignored. With
 * authentication on, a request without a key reaches only a workspace that takes keyless
 * ingestion, so it can neither create workspaces nor write into another's.
 */
export function resolveIngestWorkspace(credentials: IngestCredentials, keyring: IngestKeyring): IngestAccess {
  const header = credentials.workspaceHeader?.trim() || null;
  if (header !== null && !isValidWorkspaceId(header)) {
    return { ok: false, status: 400, message: `Invalid X-Workspace-ID "${header.slice(0, 80)}": use ${WORKSPACE_ID_RULE}.` };
  }
  const keyless = keyring.keylessWorkspaces ?? null;
  if (!keyring.enabled && keyless === null) return { ok: true, workspaceId: header ?? DEFAULT_WORKSPACE_ID };

  const key = bearerToken(credentials.authorization);
  if (key === null) {
    const workspaceId = header ?? DEFAULT_WORKSPACE_ID;
    if (keyless?.has(workspaceId)) return { ok: true, workspaceId };
    return {
      ok: false,
      status: 401,
      message: keyless
        ? `Missing ingest key: workspace "${workspaceId}" takes spans with an ingest key only (send Authorization: Bearer <key>; an admin can allow keyless ingestion in its settings).`
        : "Missing ingest key: send Authorization: Bearer <key>.",
    };
  }
  const owner = keyring.workspaceOf(key);
  if (owner === null) return { ok: false, status: 401, message: "Unknown or revoked ingest key." };
  if (header !== null && header !== owner) {
    return { ok: false, status: 403, message: `This ingest key does not grant access to workspace "${header}".` };
  }
  return { ok: true, workspaceId: owner };
}

/**
 * FLOWPRINT_INGEST_KEYS: comma-separated `workspace:key` pairs; a bare `key` belongs to the
 * default workspace. Returns key → workspace, or throws naming the bad entry.
 */
export function parseIngestKeysEnv(value: string | undefined): Map<string, string> {
  const keys = new Map<string, string>();
  if (!value) return keys;
  for (const raw of value.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const colon = entry.indexOf(":");
    const workspaceId = colon === -1 ? DEFAULT_WORKSPACE_ID : entry.slice(0, colon).trim();
    const key = colon === -1 ? entry : entry.slice(colon + 1).trim();
    if (!isValidWorkspaceId(workspaceId)) {
      throw new Error(`FLOWPRINT_INGEST_KEYS: invalid workspace "${workspaceId}" (use ${WORKSPACE_ID_RULE}).`);
    }
    if (key.length < 8) throw new Error(`FLOWPRINT_INGEST_KEYS: the key for workspace "${workspaceId}" is shorter than 8 characters.`);
    keys.set(key, workspaceId);
  }
  return keys;
}
