-- AlterTable
ALTER TABLE "traces" ADD COLUMN     "claimed_at_ms" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "claimed_by" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "flows" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "entry_service" TEXT NOT NULL,
    "entry_operation" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "path" JSONB NOT NULL,
    "occurrence_count" INTEGER NOT NULL,
    "error_rate" DOUBLE PRECISION NOT NULL,
    "avg_duration_ms" DOUBLE PRECISION NOT NULL,
    "p95_duration_ms" DOUBLE PRECISION NOT NULL,
    "risk_score" DOUBLE PRECISION NOT NULL,
    "first_seen_ms" BIGINT NOT NULL,
    "last_seen_ms" BIGINT NOT NULL,
    "stats" JSONB NOT NULL,
    "node_stats" JSONB NOT NULL,
    "hourly" JSONB NOT NULL,
    "representative" JSONB,
    "samples" JSONB NOT NULL,

    CONSTRAINT "flows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trace_flows" (
    "workspace_id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "flow_id" TEXT NOT NULL,
    "contribution" JSONB NOT NULL,

    CONSTRAINT "trace_flows_pkey" PRIMARY KEY ("workspace_id","trace_id")
);

-- CreateIndex
CREATE INDEX "flows_workspace_id_risk_score_idx" ON "flows"("workspace_id", "risk_score");

-- CreateIndex
CREATE INDEX "flows_workspace_id_occurrence_count_idx" ON "flows"("workspace_id", "occurrence_count");

-- CreateIndex
CREATE INDEX "flows_workspace_id_error_rate_idx" ON "flows"("workspace_id", "error_rate");

-- CreateIndex
CREATE INDEX "flows_workspace_id_last_seen_ms_idx" ON "flows"("workspace_id", "last_seen_ms");

-- CreateIndex
CREATE UNIQUE INDEX "flows_workspace_id_entry_service_entry_operation_fingerprin_key" ON "flows"("workspace_id", "entry_service", "entry_operation", "fingerprint");

-- CreateIndex
CREATE INDEX "trace_flows_flow_id_idx" ON "trace_flows"("flow_id");
