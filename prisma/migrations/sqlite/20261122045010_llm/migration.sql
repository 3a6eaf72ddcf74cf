-- CreateTable
CREATE TABLE "llm_calls" (
    "workspace_id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "span_id" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "start_ms" BIGINT NOT NULL,
    "duration_ms" REAL NOT NULL,
    "is_error" BOOLEAN NOT NULL,
    "error_type" TEXT NOT NULL,
    "input_tokens" INTEGER,
    "output_tokens" INTEGER,
    "convention" TEXT,

    PRIMARY KEY ("workspace_id", "trace_id", "span_id")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_workspaces" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "created_at_ms" BIGINT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "retention_days" INTEGER NOT NULL DEFAULT 30,
    "default_timeout_ms" INTEGER NOT NULL DEFAULT 30000,
    "auto_discovery" BOOLEAN NOT NULL DEFAULT true,
    "auto_validation" BOOLEAN NOT NULL DEFAULT true,
    "trace_idle_ms" INTEGER NOT NULL DEFAULT 10000,
    "drift_learning_ms" INTEGER NOT NULL DEFAULT 86400000,
    "drift_learning_traces" INTEGER NOT NULL DEFAULT 100,
    "drift_confirm_ms" INTEGER NOT NULL DEFAULT 60000,
    "drift_missing_ms" INTEGER NOT NULL DEFAULT 3600000,
    "drift_rare_ratio" REAL NOT NULL DEFAULT 0.0001,
    "llm_content" TEXT NOT NULL DEFAULT 'keep',
    "llm_prices" JSONB,
    "llm_alert_error_rate" REAL,
    "llm_alert_latency_p95_ms" REAL,
    "llm_alert_cost_per_hour_usd" REAL
);
INSERT INTO "new_workspaces" ("auto_discovery", "auto_validation", "created_at_ms", "default_timeout_ms", "drift_confirm_ms", "drift_learning_ms", "drift_learning_traces", "drift_missing_ms", "drift_rare_ratio", "enabled", "id", "name", "retention_days", "trace_idle_ms") SELECT "auto_discovery", "auto_validation", "created_at_ms", "default_timeout_ms", "drift_confirm_ms", "drift_learning_ms", "drift_learning_traces", "drift_missing_ms", "drift_rare_ratio", "enabled", "id", "name", "retention_days", "trace_idle_ms" FROM "workspaces";
DROP TABLE "workspaces";
ALTER TABLE "new_workspaces" RENAME TO "workspaces";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "llm_calls_workspace_id_start_ms_idx" ON "llm_calls"("workspace_id", "start_ms");

-- CreateIndex
CREATE INDEX "llm_calls_workspace_id_model_start_ms_idx" ON "llm_calls"("workspace_id", "model", "start_ms");
