-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "llm_alert_cost_per_hour_usd" DOUBLE PRECISION,
ADD COLUMN     "llm_alert_error_rate" DOUBLE PRECISION,
ADD COLUMN     "llm_alert_latency_p95_ms" DOUBLE PRECISION,
ADD COLUMN     "llm_content" TEXT NOT NULL DEFAULT 'keep',
ADD COLUMN     "llm_prices" JSONB;

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
    "duration_ms" DOUBLE PRECISION NOT NULL,
    "is_error" BOOLEAN NOT NULL,
    "error_type" TEXT NOT NULL,
    "input_tokens" INTEGER,
    "output_tokens" INTEGER,
    "convention" TEXT,

    CONSTRAINT "llm_calls_pkey" PRIMARY KEY ("workspace_id","trace_id","span_id")
);

-- CreateIndex
CREATE INDEX "llm_calls_workspace_id_start_ms_idx" ON "llm_calls"("workspace_id", "start_ms");

-- CreateIndex
CREATE INDEX "llm_calls_workspace_id_model_start_ms_idx" ON "llm_calls"("workspace_id", "model", "start_ms");
