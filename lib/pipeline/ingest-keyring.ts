// Ingest keys from FLOWPRINT_INGEST_KEYS and from the database, refreshed every few seconds
// so a key created or revoked by another app instance takes effect without a restart.
import type { Store } from "../store/db";
import { hashIngestKey, ingestKeyHashes } from "../store/workspace-repository";
import { parseIngestKeysEnv, type IngestKeyring } from "../workspaces/resolve-ingest-workspace";

const REFRESH_MS = 5_000;

export class DatabaseKeyring {
  private readonly envKeys: Map<string, string>;
  private dbKeys = new Map<string, string>();
  private dbKeysCreated = false;
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    envValue: string | undefined,
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
    };
  }

  /** Forget the cache, e.g. right after a key was created or revoked here. */
  invalidate(): void {
    this.loadedAt = 0;
  }

  private reload(): Promise<void> {
    this.loading ??= ingestKeyHashes(this.store)
      .then(({ active, anyCreated }) => {
        this.dbKeys = active;
        this.dbKeysCreated = anyCreated;
        this.loadedAt = Date.now();
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}
