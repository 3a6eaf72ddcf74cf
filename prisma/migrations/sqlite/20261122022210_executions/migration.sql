-- CreateTable
CREATE TABLE "executions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "flow_id" TEXT,
    "test_name" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "expected" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "result" JSONB,
    "response" JSONB,
    "started_at_ms" BIGINT NOT NULL,
    "deadline_ms" BIGINT NOT NULL,
    "validated_at_ms" BIGINT
);

-- CreateIndex
CREATE INDEX "executions_workspace_id_trace_id_idx" ON "executions"("workspace_id", "trace_id");

-- CreateIndex
CREATE INDEX "executions_workspace_id_flow_id_started_at_ms_idx" ON "executions"("workspace_id", "flow_id", "started_at_ms");
