import { describe, expect, it } from "vitest";
import { decideWorkspaceAccess, visibleWorkspaces, type Need, type Principal, type Role } from "./policy";

const user = (roles: Record<string, Role>, instanceAdmin = false): Principal => ({ kind: "user", userId: "u1", instanceAdmin, roles: new Map(Object.entries(roles)) });
const token = (scope: "read" | "write", workspaceId: string | null, roles: Record<string, Role> | null): Principal => ({
  kind: "token",
  tokenId: "t1",
  scope,
  workspaceId,
  user: roles ? { userId: "u1", instanceAdmin: false, roles: new Map(Object.entries(roles)) } : null,
});
const status = (principal: Principal, ws: string, need: Need) => {
  const d = decideWorkspaceAccess(principal, ws, need);
  return d.allow ? 200 : d.status;
};

describe("decideWorkspaceAccess", () => {
  it("lets everyone do everything on an open instance", () => {
    for (const need of ["read", "write", "admin"] as const) expect(status({ kind: "open" }, "shop", need)).toBe(200);
  });

  it("asks the anonymous to authenticate", () => {
    expect(decideWorkspaceAccess({ kind: "anonymous" }, "shop", "read")).toMatchObject({ allow: false, status: 401 });
  });

  it.each([
    ["viewer", [200, 403, 403]],
    ["editor", [200, 200, 403]],
    ["admin", [200, 200, 200]],
  ] as const)("gives a %s read, write and admin as %j", (role, expected) => {
    expect((["read", "write", "admin"] as const).map((need) => status(user({ shop: role }), "shop", need))).toEqual(expected);
  });

  it("answers 404, not 403, in a workspace the user has no role in, so its name does not leak", () => {
    const d = decideWorkspaceAccess(user({ shop: "admin" }), "bank", "read");
    expect(d).toMatchObject({ allow: false, status: 404 });
    expect(status(user({ shop: "admin" }), "bank", "admin")).toBe(404);
  });

  it("lets an instance administrator into every workspace", () => {
    expect(status(user({}, true), "bank", "admin")).toBe(200);
  });

  it("limits a user's token to its scope and to the user's own role", () => {
    expect(status(token("read", null, { shop: "admin" }), "shop", "read")).toBe(200);
    expect(status(token("read", null, { shop: "admin" }), "shop", "write")).toBe(403);
    expect(status(token("write", null, { shop: "editor" }), "shop", "write")).toBe(200);
    expect(status(token("write", null, { shop: "viewer" }), "shop", "write")).toBe(403);
    expect(status(token("write", null, { shop: "viewer" }), "bank", "read")).toBe(404);
  });

  it("never lets a token manage members or the workspace", () => {
    expect(status(token("write", null, { shop: "admin" }), "shop", "admin")).toBe(403);
    expect(status(token("write", "shop", null), "shop", "admin")).toBe(403);
  });

  it("keeps a token bound to one workspace out of the others, even where its user has a role", () => {
    expect(status(token("write", "shop", { shop: "editor", bank: "editor" }), "bank", "read")).toBe(404);
    expect(status(token("write", "shop", { shop: "editor", bank: "editor" }), "shop", "write")).toBe(200);
  });

  it("makes a workspace's own token a viewer or an editor of that workspace only", () => {
    expect(status(token("read", "shop", null), "shop", "read")).toBe(200);
    expect(status(token("read", "shop", null), "shop", "write")).toBe(403);
    expect(status(token("write", "shop", null), "shop", "write")).toBe(200);
    expect(status(token("write", "shop", null), "bank", "read")).toBe(404);
  });

  it("says which role or scope is missing", () => {
    const viewer = decideWorkspaceAccess(user({ shop: "viewer" }), "shop", "write");
    expect(!viewer.allow && viewer.message).toMatch(/editor role.*you are a viewer/);
    const scoped = decideWorkspaceAccess(token("read", null, { shop: "admin" }), "shop", "write");
    expect(!scoped.allow && scoped.message).toMatch(/scope is read/);
  });
});

describe("visibleWorkspaces", () => {
  it("is every workspace for an open instance and an instance administrator", () => {
    expect(visibleWorkspaces({ kind: "open" })).toBeNull();
    expect(visibleWorkspaces(user({}, true))).toBeNull();
  });

  it("is the user's workspaces, or the token's one", () => {
    expect([...visibleWorkspaces(user({ shop: "viewer", bank: "admin" }))!].sort()).toEqual(["bank", "shop"]);
    expect([...visibleWorkspaces(token("read", "shop", { shop: "viewer", bank: "admin" }))!]).toEqual(["shop"]);
    expect([...visibleWorkspaces(token("read", null, { bank: "admin" }))!]).toEqual(["bank"]);
    expect([...visibleWorkspaces(token("read", "shop", { bank: "admin" }))!]).toEqual([]);
    expect([...visibleWorkspaces({ kind: "anonymous" })!]).toEqual([]);
  });
});

describe("decideInstanceAdmin and leavesNoAdmin", () => {
  it("lets only a signed-in instance administrator manage users", async () => {
    const { decideInstanceAdmin } = await import("./policy");
    expect(decideInstanceAdmin(user({}, true)).allow).toBe(true);
    expect(decideInstanceAdmin(user({ shop: "admin" }))).toMatchObject({ allow: false, status: 403 });
    expect(decideInstanceAdmin(token("write", null, { shop: "admin" }))).toMatchObject({ allow: false, status: 403 });
    expect(decideInstanceAdmin({ kind: "anonymous" })).toMatchObject({ allow: false, status: 401 });
  });

  it("refuses to remove or demote a workspace's last admin", async () => {
    const { leavesNoAdmin } = await import("./policy");
    const members = [
      { userId: "a", role: "admin" },
      { userId: "b", role: "editor" },
    ];
    expect(leavesNoAdmin(members, { userId: "a", role: null })).toBe(true);
    expect(leavesNoAdmin(members, { userId: "a", role: "viewer" })).toBe(true);
    expect(leavesNoAdmin(members, { userId: "b", role: null })).toBe(false);
    expect(leavesNoAdmin(members, { userId: "b", role: "admin" })).toBe(false);
    expect(leavesNoAdmin([...members, { userId: "c", role: "admin" }], { userId: "a", role: null })).toBe(false);
  });
});
