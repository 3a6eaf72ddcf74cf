-- DropIndex
DROP INDEX "spans_workspace_id_name_start_ns_idx";
