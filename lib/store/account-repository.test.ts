// Workspace roles, API tokens, the audit log and instance settings on real stores: SQLite, and
// PostgreSQL when TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_STORES, type OpenedStore } from "./testing/test-stores";
import {
  adoptUnownedWorkspaces,
  appendAuditEvent,
  deleteAuditEventsBefore,
  findApiTokenByHash,
  insertApiToken,
  instanceSetting,
  listAuditEvents,
  listMembers,
  putMember,
  removeMember,
  revokeApiToken,
  rolesOfUser,
  touchApiToken,
} from "./account-repository";
import { ensureWorkspace } from "./workspace-repository";

for (const kind of TEST_STORES) {
  describe(`accounts on ${kind.name}`, () => {
    let opened: OpenedStore | null = null;
    beforeAll(async () => {
      opened = await kind.open();
    });
    afterAll(async () => {
      await opened?.drop();
    });

    const user = async (id: string) => {
      await opened!.store.prisma.user.create({ data: { id, name: id, email: `${id}@example.com`, createdAt: new Date(), updatedAt: new Date() } });
      return id;
    };

    it("keeps one role per member and workspace, and gives unowned workspaces to the first administrator", async (ctx) => {
      if (!opened) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
      const { store } = opened!;
      await ensureWorkspace(store, "shop");
      await ensureWorkspace(store, "bank");
      const ada = await user("ada");
      const bob = await user("bob");
      await putMember(store, "bank", bob, "viewer", 1_000);
      // "default" exists from the first migration on.
      expect(await adoptUnownedWorkspaces(store, ada, 2_000)).toEqual(["default", "shop"]);
      await putMember(store, "shop", bob, "viewer", 3_000);
      await putMember(store, "shop", bob, "editor", 4_000);
      expect(Object.fromEntries(await rolesOfUser(store, bob))).toEqual({ bank: "viewer", shop: "editor" });
      expect((await listMembers(store, "shop")).map((m) => [m.email, m.role])).toEqual([
        ["ada@example.com", "admin"],
        ["bob@example.com", "editor"],
      ]);
      expect(await removeMember(store, "shop", bob)).toBe(true);
      expect(await removeMember(store, "shop", bob)).toBe(false);
      // A workspace nobody has sent to yet: adding its first member creates it.
      await putMember(store, "new-team", bob, "admin", 5_000);
      expect((await listMembers(store, "new-team")).map((m) => m.role)).toEqual(["admin"]);
    });

    it("finds a token by its hash only, revokes it once and records its use", async (ctx) => {
      if (!opened) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
      const { store } = opened!;
      await insertApiToken(store, { id: "t1", name: "ci", prefix: "fp_abc", scope: "write", userId: null, workspaceId: "shop", createdBy: null, createdAtMs: 10, expiresAtMs: 20, tokenHash: "hash-1" });
      expect(await findApiTokenByHash(store, "hash-2")).toBeNull();
      await touchApiToken(store, "t1", 15);
      expect(await findApiTokenByHash(store, "hash-1")).toMatchObject({ id: "t1", scope: "write", workspaceId: "shop", expiresAtMs: 20, lastUsedAtMs: 15, revokedAtMs: null });
      expect(await revokeApiToken(store, "t1", 30)).toBe(true);
      expect(await revokeApiToken(store, "t1", 40)).toBe(false);
      expect((await findApiTokenByHash(store, "hash-1"))?.revokedAtMs).toBe(30);
    });

    it("lists the audit log newest first, filtered and paged, and deletes only what is past retention", async (ctx) => {
      if (!opened) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
      const { store } = opened!;
      for (const [at, action, workspaceId] of [
        [100, "member.add", "shop"],
        [200, "settings.update", "shop"],
        [300, "member.remove", "shop"],
        [400, "member.add", "bank"],
      ] as const) {
        await appendAuditEvent(store, { actorUserId: "ada", actor: "ada@example.com", action, workspaceId, details: { at } }, at);
      }
      const shop = await listAuditEvents(store, { workspaceId: "shop", limit: 2, offset: 0 });
      expect(shop.total).toBe(3);
      expect(shop.events.map((e) => e.action)).toEqual(["member.remove", "settings.update"]);
      expect((await listAuditEvents(store, { workspaceId: "shop", limit: 2, offset: 2 })).events.map((e) => e.atMs)).toEqual([100]);
      expect((await listAuditEvents(store, { workspaceId: null, action: "member.", limit: 10, offset: 0 })).events.map((e) => e.workspaceId)).toEqual(["bank", "shop", "shop"]);
      expect(await deleteAuditEventsBefore(store, 250)).toBe(2);
      expect((await listAuditEvents(store, { workspaceId: null, limit: 10, offset: 0 })).events.map((e) => e.atMs)).toEqual([400, 300]);
    });

    it("creates an instance setting once, whoever asks first", async (ctx) => {
      if (!opened) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
      const { store } = opened!;
      const values = await Promise.all(["a", "b", "c"].map((v) => instanceSetting(store, "secret", () => v)));
      expect(new Set(values).size).toBe(1);
      expect(await instanceSetting(store, "secret", () => "later")).toBe(values[0]);
    });
  });
}
