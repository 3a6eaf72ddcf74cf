-- The default workspace exists from the start, so a new install lists it before any span arrives.
INSERT INTO "workspaces" ("id", "name", "created_at_ms") VALUES ('default', 'default', (extract(epoch FROM now()) * 1000)::bigint) ON CONFLICT ("id") DO NOTHING;
