-- CreateTable
CREATE TABLE "coverage_states" (
    "workspace_id" TEXT NOT NULL PRIMARY KEY,
    "covered_count" INTEGER NOT NULL,
    "endpoint_count" INTEGER NOT NULL,
    "endpoints" JSONB NOT NULL,
    "covered" JSONB NOT NULL,
    "checked_at_ms" BIGINT NOT NULL
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
    "llm_alert_cost_per_hour_usd" REAL,
    "coverage_window_days" INTEGER NOT NULL DEFAULT 7,
    "diagnosis_sample_size" INTEGER NOT NULL DEFAULT 100
);
INSERT INTO "new_workspaces" ("auto_discovery", "auto_validation", "coverage_window_days", "created_at_ms", "default_timeout_ms", "drift_confirm_ms", "drift_learning_ms", "drift_learning_traces", "drift_missing_ms", "drift_rare_ratio", "enabled", "id", "llm_alert_cost_per_hour_usd", "llm_alert_error_rate", "llm_alert_latency_p95_ms", "llm_content", "llm_prices", "name", "retention_days", "trace_idle_ms") SELECT "auto_discovery", "auto_validation", "coverage_window_days", "created_at_ms", "default_timeout_ms", "drift_confirm_ms", "drift_learning_ms", "drift_learning_traces", "drift_missing_ms", "drift_rare_ratio", "enabled", "id", "llm_alert_cost_per_hour_usd", "llm_alert_error_rate", "llm_alert_latency_p95_ms", "llm_content", "llm_prices", "name", "retention_days", "trace_idle_ms" FROM "workspaces";
DROP TABLE "workspaces";
ALTER TABLE "new_workspaces" RENAME TO "workspaces";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
