-- AlterTable
ALTER TABLE "workspaces" DROP COLUMN "settings",
ADD COLUMN     "auto_discovery" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "auto_validation" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "default_timeout_ms" INTEGER NOT NULL DEFAULT 30000,
ADD COLUMN     "enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "retention_days" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "trace_idle_ms" INTEGER NOT NULL DEFAULT 10000;
