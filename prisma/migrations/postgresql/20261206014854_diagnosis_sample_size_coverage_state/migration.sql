-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "diagnosis_sample_size" INTEGER NOT NULL DEFAULT 100;

-- CreateTable
CREATE TABLE "coverage_states" (
    "workspace_id" TEXT NOT NULL,
    "covered_count" INTEGER NOT NULL,
    "endpoint_count" INTEGER NOT NULL,
    "endpoints" JSONB NOT NULL,
    "covered" JSONB NOT NULL,
    "checked_at_ms" BIGINT NOT NULL,

    CONSTRAINT "coverage_states_pkey" PRIMARY KEY ("workspace_id")
);
