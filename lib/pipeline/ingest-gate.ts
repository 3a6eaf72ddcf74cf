// Which workspaces refuse ingestion (settings enabled = false), refreshed every few seconds so
// a change made through another app instance takes effect without a restart.
import type { Store } from "../store/db";
import { disabledWorkspaces } from "../store/settings-repository";

const REFRESH_MS = 5_000;

export class IngestGate {
  private disabled = new Set<string>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(private readonly store: Store) {}

  async isDisabled(workspaceId: string): Promise<boolean> {
    if (Date.now() - this.loadedAt > REFRESH_MS) await this.reload();
    return this.disabled.has(workspaceId);
  }

  invalidate(): void {
    this.loadedAt = 0;
  }

  private reload(): Promise<void> {
    this.loading ??= disabledWorkspaces(this.store)
      .then((disabled) => {
        this.disabled = disabled;
        this.loadedAt = Date.now();
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}
