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
    "root_start_ns" BIGINT NOT NULL DEFAULT 0,
    "first_seen_ms" BIGINT NOT NULL,
    "last_seen_ms" BIGINT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "is_test_generated" BOOLEAN NOT NULL DEFAULT false,
    "claimed_by" TEXT NOT NULL DEFAULT '',
    "claimed_at_ms" BIGINT NOT NULL DEFAULT 0,

    PRIMARY KEY ("workspace_id", "trace_id")
);
INSERT INTO "new_traces" ("claimed_at_ms", "claimed_by", "end_ns", "error_count", "first_seen_ms", "is_test_generated", "last_seen_ms", "root_name", "root_service", "root_span_id", "span_count", "start_ns", "state", "trace_id", "workspace_id") SELECT "claimed_at_ms", "claimed_by", "end_ns", "error_count", "first_seen_ms", "is_test_generated", "last_seen_ms", "root_name", "root_service", "root_span_id", "span_count", "start_ns", "state", "trace_id", "workspace_id" FROM "traces";
DROP TABLE "traces";
ALTER TABLE "new_traces" RENAME TO "traces";
CREATE INDEX "traces_workspace_id_start_ns_idx" ON "traces"("workspace_id", "start_ns");
CREATE INDEX "traces_state_last_seen_ms_idx" ON "traces"("state", "last_seen_ms");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
