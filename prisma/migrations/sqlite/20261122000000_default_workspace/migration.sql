-- The default workspace exists from the start, so a new install lists it before any span arrives.
INSERT INTO "workspaces" ("id", "name", "created_at_ms") VALUES ('default', 'default', CAST(strftime('%s', 'now') AS INTEGER) * 1000) ON CONFLICT ("id") DO NOTHING;
