-- AlterTable
ALTER TABLE "trace_flows" ADD COLUMN     "graph" JSONB;

-- CreateTable
CREATE TABLE "service_graphs" (
    "workspace_id" TEXT NOT NULL,
    "graph" JSONB NOT NULL,
    "updated_at_ms" BIGINT NOT NULL,

    CONSTRAINT "service_graphs_pkey" PRIMARY KEY ("workspace_id")
);
