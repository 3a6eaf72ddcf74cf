-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    "instance_admin" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expires_at" DATETIME NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" DATETIME,
    "refresh_token_expires_at" DATETIME,
    "scope" TEXT,
    "password" TEXT,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "verifications" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" DATETIME NOT NULL,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "workspace_members" (
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "created_at_ms" BIGINT NOT NULL,

    PRIMARY KEY ("workspace_id", "user_id"),
    CONSTRAINT "workspace_members_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "workspace_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "user_id" TEXT,
    "workspace_id" TEXT,
    "created_by" TEXT,
    "created_at_ms" BIGINT NOT NULL,
    "expires_at_ms" BIGINT,
    "last_used_at_ms" BIGINT,
    "revoked_at_ms" BIGINT
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at_ms" BIGINT NOT NULL,
    "actor_user_id" TEXT,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "workspace_id" TEXT,
    "target" TEXT,
    "details" JSONB,
    "ip_address" TEXT
);

-- CreateTable
CREATE TABLE "instance_settings" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
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
    "diagnosis_sample_size" INTEGER NOT NULL DEFAULT 100,
    "keyless_ingest" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_workspaces" ("auto_discovery", "auto_validation", "coverage_window_days", "created_at_ms", "default_timeout_ms", "diagnosis_sample_size", "drift_confirm_ms", "drift_learning_ms", "drift_learning_traces", "drift_missing_ms", "drift_rare_ratio", "enabled", "id", "llm_alert_cost_per_hour_usd", "llm_alert_error_rate", "llm_alert_latency_p95_ms", "llm_content", "llm_prices", "name", "retention_days", "trace_idle_ms") SELECT "auto_discovery", "auto_validation", "coverage_window_days", "created_at_ms", "default_timeout_ms", "diagnosis_sample_size", "drift_confirm_ms", "drift_learning_ms", "drift_learning_traces", "drift_missing_ms", "drift_rare_ratio", "enabled", "id", "llm_alert_cost_per_hour_usd", "llm_alert_error_rate", "llm_alert_latency_p95_ms", "llm_content", "llm_prices", "name", "retention_days", "trace_idle_ms" FROM "workspaces";
DROP TABLE "workspaces";
ALTER TABLE "new_workspaces" RENAME TO "workspaces";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions"("token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE INDEX "verifications_identifier_idx" ON "verifications"("identifier");

-- CreateIndex
CREATE INDEX "workspace_members_user_id_idx" ON "workspace_members"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateIndex
CREATE INDEX "api_tokens_workspace_id_idx" ON "api_tokens"("workspace_id");

-- CreateIndex
CREATE INDEX "audit_events_workspace_id_at_ms_idx" ON "audit_events"("workspace_id", "at_ms");

-- CreateIndex
CREATE INDEX "audit_events_at_ms_idx" ON "audit_events"("at_ms");

-- Workspaces that existed before accounts keep taking spans without a key, as they did: an
-- upgrade must not stop their senders. Their admins can turn it off in Settings.
UPDATE "workspaces" SET "keyless_ingest" = true;
