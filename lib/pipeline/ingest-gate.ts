// Per-workspace ingest policy (settings enabled = false refuses spans; llm_content drops or
// redacts LLM prompt and completion text), refreshed every few seconds so a change made through
// another app instance takes effect without a restart.
import type { ContentPrivacyMode } from "../genai/content-privacy";
import type { Store } from "../store/db";
import { ingestPolicies } from "../store/settings-repository";

const REFRESH_MS = 5_000;

export class IngestGate {
  private disabled = new Set<string>();
  private llmContent = new Map<string, ContentPrivacyMode>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(private readonly store: Store) {}

  async isDisabled(workspaceId: string): Promise<boolean> {
    if (Date.now() - this.loadedAt > REFRESH_MS) await this.reload();
    return this.disabled.has(workspaceId);
  }

  async contentMode(workspaceId: string): Promise<ContentPrivacyMode> {
    if (Date.now() - this.loadedAt > REFRESH_MS) await this.reload();
    return this.llmContent.get(workspaceId) ?? "keep";
  }

  invalidate(): void {
    this.loadedAt = 0;
  }

  private reload(): Promise<void> {
    this.loading ??= ingestPolicies(this.store)
      .then((policies) => {
        this.disabled = policies.disabled;
        this.llmContent = policies.llmContent;
        this.loadedAt = Date.now();
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}
