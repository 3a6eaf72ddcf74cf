-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_workspaces" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "created_at_ms" BIGINT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "retention_days" INTEGER NOT NULL DEFAULT 30,
    "default_timeout_ms" INTEGER NOT NULL DEFAULT 30000,
    "auto_discovery" BOOLEAN NOT NULL DEFAULT true,
    "auto_validation" BOOLEAN NOT NULL DEFAULT true,
    "trace_idle_ms" INTEGER NOT NULL DEFAULT 10000
);
INSERT INTO "new_workspaces" ("created_at_ms", "id", "name") SELECT "created_at_ms", "id", "name" FROM "workspaces";
DROP TABLE "workspaces";
ALTER TABLE "new_workspaces" RENAME TO "workspaces";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
