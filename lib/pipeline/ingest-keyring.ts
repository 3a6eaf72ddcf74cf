// Ingest keys from FLOWPRINT_INGEST_KEYS and from the database, refreshed every few seconds
// so a key created or revoked by another app instance takes effect without a restart.
import type { Store } from "../store/db";
import { hashIngestKey, ingestKeyHashes, keylessIngestWorkspaces } from "../store/workspace-repository";
import { parseIngestKeysEnv, type IngestKeyring } from "../workspaces/resolve-ingest-workspace";

const REFRESH_MS = 5_000;

export class DatabaseKeyring {
  private readonly envKeys: Map<string, string>;
  private dbKeys = new Map<string, string>();
  private dbKeysCreated = false;
  private keyless: ReadonlySet<string> | null = null;
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    envValue: string | undefined,
    /** With authentication on, keyless ingestion reaches only the workspaces that allow it. */
    private readonly authEnabled = false,
  ) {
    this.envKeys = parseIngestKeysEnv(envValue);
  }

  /** The keyring as of now, reloading database keys when they are older than REFRESH_MS. */
  async current(): Promise<IngestKeyring> {
    if (Date.now() - this.loadedAt > REFRESH_MS) await this.reload();
    const env = this.envKeys;
    const db = this.dbKeys;
    return {
      enabled: env.size > 0 || this.dbKeysCreated,
      workspaceOf: (key) => env.get(key) ?? db.get(hashIngestKey(key)) ?? null,
      keylessWorkspaces: this.keyless,
    };
  }

  /** Forget the cache, e.g. right after a key was created or revoked here. */
  invalidate(): void {
    this.loadedAt = 0;
  }

  private reload(): Promise<void> {
    this.loading ??= Promise.all([ingestKeyHashes(this.store), this.authEnabled ? keylessIngestWorkspaces(this.store) : null])
      .then(([{ active, anyCreated }, keyless]) => {
        this.dbKeys = active;
        this.dbKeysCreated = anyCreated;
        this.keyless = keyless;
        this.loadedAt = Date.now();
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}
