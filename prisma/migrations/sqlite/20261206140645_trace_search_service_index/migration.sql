-- DropIndex
DROP INDEX "spans_workspace_id_service_start_ns_idx";

-- CreateIndex
CREATE INDEX "spans_workspace_id_service_start_ns_covering_idx" ON "spans"("workspace_id", "service", "start_ns", "name", "status_code", "trace_id");
