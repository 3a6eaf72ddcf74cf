-- CreateTable
CREATE TABLE "flows" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "entry_service" TEXT NOT NULL,
    "entry_operation" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "path" JSONB NOT NULL,
    "occurrence_count" INTEGER NOT NULL,
    "error_rate" REAL NOT NULL,
    "avg_duration_ms" REAL NOT NULL,
    "p95_duration_ms" REAL NOT NULL,
    "risk_score" REAL NOT NULL,
    "first_seen_ms" BIGINT NOT NULL,
    "last_seen_ms" BIGINT NOT NULL,
    "stats" JSONB NOT NULL,
    "node_stats" JSONB NOT NULL,
    "hourly" JSONB NOT NULL,
    "representative" JSONB,
    "samples" JSONB NOT NULL
);

-- CreateTable
CREATE TABLE "trace_flows" (
    "workspace_id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "flow_id" TEXT NOT NULL,
    "contribution" JSONB NOT NULL,

    PRIMARY KEY ("workspace_id", "trace_id")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_traces" (
    "workspace_id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "start_ns" BIGINT NOT NULL,
    "end_ns" BIGINT NOT NULL,
    "span_count" INTEGER NOT NULL,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "root_span_id" TEXT NOT NULL DEFAULT '',
    "root_service" TEXT NOT NULL DEFAULT '',
    "root_name" TEXT NOT NULL DEFAULT '',
    "first_seen_ms" BIGINT NOT NULL,
    "last_seen_ms" BIGINT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "is_test_generated" BOOLEAN NOT NULL DEFAULT false,
    "claimed_by" TEXT NOT NULL DEFAULT '',
    "claimed_at_ms" BIGINT NOT NULL DEFAULT 0,

    PRIMARY KEY ("workspace_id", "trace_id")
);
INSERT INTO "new_traces" ("end_ns", "error_count", "first_seen_ms", "is_test_generated", "last_seen_ms", "root_name", "root_service", "root_span_id", "span_count", "start_ns", "state", "trace_id", "workspace_id") SELECT "end_ns", "error_count", "first_seen_ms", "is_test_generated", "last_seen_ms", "root_name", "root_service", "root_span_id", "span_count", "start_ns", "state", "trace_id", "workspace_id" FROM "traces";
DROP TABLE "traces";
ALTER TABLE "new_traces" RENAME TO "traces";
CREATE INDEX "traces_workspace_id_start_ns_idx" ON "traces"("workspace_id", "start_ns");
CREATE INDEX "traces_state_last_seen_ms_idx" ON "traces"("state", "last_seen_ms");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "flows_workspace_id_risk_score_idx" ON "flows"("workspace_id", "risk_score");

-- CreateIndex
CREATE INDEX "flows_workspace_id_occurrence_count_idx" ON "flows"("workspace_id", "occurrence_count");

-- CreateIndex
CREATE INDEX "flows_workspace_id_error_rate_idx" ON "flows"("workspace_id", "error_rate");

-- CreateIndex
CREATE INDEX "flows_workspace_id_last_seen_ms_idx" ON "flows"("workspace_id", "last_seen_ms");

-- CreateIndex
CREATE UNIQUE INDEX "flows_workspace_id_entry_service_entry_operation_fingerprint_key" ON "flows"("workspace_id", "entry_service", "entry_operation", "fingerprint");

-- CreateIndex
CREATE INDEX "trace_flows_flow_id_idx" ON "trace_flows"("flow_id");
