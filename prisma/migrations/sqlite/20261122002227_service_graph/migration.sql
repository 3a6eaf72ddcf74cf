-- AlterTable
ALTER TABLE "trace_flows" ADD COLUMN "graph" JSONB;

-- CreateTable
CREATE TABLE "service_graphs" (
    "workspace_id" TEXT NOT NULL PRIMARY KEY,
    "graph" JSONB NOT NULL,
    "updated_at_ms" BIGINT NOT NULL
);
