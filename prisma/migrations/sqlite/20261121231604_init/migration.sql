-- CreateTable
CREATE TABLE "workspaces" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "created_at_ms" BIGINT NOT NULL,
    "settings" JSONB
);

-- CreateTable
CREATE TABLE "ingest_keys" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at_ms" BIGINT NOT NULL,
    "revoked_at_ms" BIGINT,
    CONSTRAINT "ingest_keys_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "resources" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "attributes" JSONB NOT NULL,
    "dropped_attributes_count" INTEGER NOT NULL DEFAULT 0,
    "schema_url" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "spans" (
    "workspace_id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "span_id" TEXT NOT NULL,
    "parent_span_id" TEXT NOT NULL DEFAULT '',
    "trace_state" TEXT NOT NULL DEFAULT '',
    "flags" INTEGER NOT NULL DEFAULT 0,
    "service" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "status_code" INTEGER NOT NULL,
    "status_message" TEXT NOT NULL DEFAULT '',
    "start_ns" BIGINT NOT NULL,
    "end_ns" BIGINT NOT NULL,
    "duration_ns" BIGINT NOT NULL,
    "attributes" JSONB NOT NULL,
    "dropped_attributes_count" INTEGER NOT NULL DEFAULT 0,
    "events" JSONB NOT NULL,
    "dropped_events_count" INTEGER NOT NULL DEFAULT 0,
    "links" JSONB NOT NULL,
    "dropped_links_count" INTEGER NOT NULL DEFAULT 0,
    "resource_id" TEXT NOT NULL,
    "scope_name" TEXT NOT NULL DEFAULT '',
    "scope_version" TEXT NOT NULL DEFAULT '',
    "scope_attributes" JSONB,
    "is_test_generated" BOOLEAN NOT NULL DEFAULT false,
    "is_synthetic" BOOLEAN NOT NULL DEFAULT false,
    "received_at_ms" BIGINT NOT NULL,

    PRIMARY KEY ("workspace_id", "trace_id", "span_id")
);

-- CreateTable
CREATE TABLE "traces" (
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

    PRIMARY KEY ("workspace_id", "trace_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ingest_keys_key_hash_key" ON "ingest_keys"("key_hash");

-- CreateIndex
CREATE INDEX "ingest_keys_workspace_id_idx" ON "ingest_keys"("workspace_id");

-- CreateIndex
CREATE INDEX "spans_workspace_id_start_ns_idx" ON "spans"("workspace_id", "start_ns");

-- CreateIndex
CREATE INDEX "spans_workspace_id_service_start_ns_idx" ON "spans"("workspace_id", "service", "start_ns");

-- CreateIndex
CREATE INDEX "spans_workspace_id_name_start_ns_idx" ON "spans"("workspace_id", "name", "start_ns");

-- CreateIndex
CREATE INDEX "traces_workspace_id_start_ns_idx" ON "traces"("workspace_id", "start_ns");

-- CreateIndex
CREATE INDEX "traces_state_last_seen_ms_idx" ON "traces"("state", "last_seen_ms");
