-- AlterTable
ALTER TABLE "trace_flows" ADD COLUMN     "entry_attributes" JSONB;

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "drift_confirm_ms" INTEGER NOT NULL DEFAULT 60000,
ADD COLUMN     "drift_learning_ms" INTEGER NOT NULL DEFAULT 86400000,
ADD COLUMN     "drift_learning_traces" INTEGER NOT NULL DEFAULT 100,
ADD COLUMN     "drift_missing_ms" INTEGER NOT NULL DEFAULT 3600000,
ADD COLUMN     "drift_rare_ratio" DOUBLE PRECISION NOT NULL DEFAULT 0.0001;

-- CreateTable
CREATE TABLE "entry_points" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "entry_service" TEXT NOT NULL,
    "entry_operation" TEXT NOT NULL,
    "first_trace_ms" BIGINT NOT NULL,
    "last_trace_ms" BIGINT NOT NULL,
    "trace_count" INTEGER NOT NULL,
    "learned_at_ms" BIGINT,
    "explanations" JSONB,
    "explained_count" INTEGER NOT NULL DEFAULT 0,
    "missing_checked_ms" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "entry_points_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "baseline_variants" (
    "entry_point_id" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "path" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "accepted_at_ms" BIGINT NOT NULL,

    CONSTRAINT "baseline_variants_pkey" PRIMARY KEY ("entry_point_id","fingerprint")
);

-- CreateTable
CREATE TABLE "drift_alerts" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "entry_point_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "path" JSONB NOT NULL,
    "other_fingerprint" TEXT,
    "other_path" JSONB NOT NULL,
    "detected_at_ms" BIGINT NOT NULL,
    "confirm_at_ms" BIGINT NOT NULL,
    "updated_at_ms" BIGINT NOT NULL,
    "detected_trace_ms" BIGINT NOT NULL,
    "entry_count_at_detection" INTEGER NOT NULL,

    CONSTRAINT "drift_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "entry_points_workspace_id_entry_service_entry_operation_key" ON "entry_points"("workspace_id", "entry_service", "entry_operation");

-- CreateIndex
CREATE INDEX "drift_alerts_workspace_id_state_detected_at_ms_idx" ON "drift_alerts"("workspace_id", "state", "detected_at_ms");

-- CreateIndex
CREATE INDEX "drift_alerts_state_confirm_at_ms_idx" ON "drift_alerts"("state", "confirm_at_ms");

-- CreateIndex
CREATE UNIQUE INDEX "drift_alerts_entry_point_id_kind_fingerprint_key" ON "drift_alerts"("entry_point_id", "kind", "fingerprint");

-- AddForeignKey
ALTER TABLE "baseline_variants" ADD CONSTRAINT "baseline_variants_entry_point_id_fkey" FOREIGN KEY ("entry_point_id") REFERENCES "entry_points"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drift_alerts" ADD CONSTRAINT "drift_alerts_entry_point_id_fkey" FOREIGN KEY ("entry_point_id") REFERENCES "entry_points"("id") ON DELETE CASCADE ON UPDATE CASCADE;
