-- CreateTable
CREATE TABLE "webhooks" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "events" JSONB NOT NULL,
    "secret" TEXT NOT NULL,
    "created_at_ms" BIGINT NOT NULL,
    CONSTRAINT "webhooks_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "webhook_id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL,
    "next_attempt_at_ms" BIGINT NOT NULL,
    "last_status_code" INTEGER,
    "last_latency_ms" INTEGER,
    "last_error" TEXT,
    "created_at_ms" BIGINT NOT NULL,
    "delivered_at_ms" BIGINT,
    CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "webhook_attempts" (
    "delivery_id" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "started_at_ms" BIGINT NOT NULL,
    "status_code" INTEGER,
    "latency_ms" INTEGER NOT NULL,
    "error" TEXT,

    PRIMARY KEY ("delivery_id", "attempt"),
    CONSTRAINT "webhook_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "llm_threshold_states" (
    "workspace_id" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "crossed" BOOLEAN NOT NULL,
    "value" REAL NOT NULL,
    "changed_at_ms" BIGINT NOT NULL,

    PRIMARY KEY ("workspace_id", "model", "metric")
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
    "coverage_window_days" INTEGER NOT NULL DEFAULT 7
);
INSERT INTO "new_workspaces" ("auto_discovery", "auto_validation", "created_at_ms", "default_timeout_ms", "drift_confirm_ms", "drift_learning_ms", "drift_learning_traces", "drift_missing_ms", "drift_rare_ratio", "enabled", "id", "llm_alert_cost_per_hour_usd", "llm_alert_error_rate", "llm_alert_latency_p95_ms", "llm_content", "llm_prices", "name", "retention_days", "trace_idle_ms") SELECT "auto_discovery", "auto_validation", "created_at_ms", "default_timeout_ms", "drift_confirm_ms", "drift_learning_ms", "drift_learning_traces", "drift_missing_ms", "drift_rare_ratio", "enabled", "id", "llm_alert_cost_per_hour_usd", "llm_alert_error_rate", "llm_alert_latency_p95_ms", "llm_content", "llm_prices", "name", "retention_days", "trace_idle_ms" FROM "workspaces";
DROP TABLE "workspaces";
ALTER TABLE "new_workspaces" RENAME TO "workspaces";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "webhooks_workspace_id_idx" ON "webhooks"("workspace_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_state_next_attempt_at_ms_idx" ON "webhook_deliveries"("state", "next_attempt_at_ms");

-- CreateIndex
CREATE INDEX "webhook_deliveries_webhook_id_created_at_ms_idx" ON "webhook_deliveries"("webhook_id", "created_at_ms");

-- CreateIndex
CREATE INDEX "webhook_deliveries_created_at_ms_idx" ON "webhook_deliveries"("created_at_ms");
