-- AlterTable
ALTER TABLE "traces" ADD COLUMN     "root_start_ns" BIGINT NOT NULL DEFAULT 0;
