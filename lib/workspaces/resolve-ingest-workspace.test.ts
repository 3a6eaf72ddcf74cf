import { describe, expect, it } from "vitest";
import { parseIngestKeysEnv, resolveIngestWorkspace, type IngestKeyring } from "./resolve-ingest-workspace";

const noKeys: IngestKeyring = { enabled: false, workspaceOf: () => null };
const keys: IngestKeyring = {
  enabled: true,
  workspaceOf: (key) => ({ "secret-shop": "shop", "secret-default": "default" })[key] ?? null,
};

describe("resolveIngestWorkspace", () => {
  it("uses the header, else default, when no keys exist", () => {
    expect(resolveIngestWorkspace({ workspaceHeader: "team_a-1", authorization: null }, noKeys)).toEqual({ ok: true, workspaceId: "team_a-1" });
    expect(resolveIngestWorkspace({ workspaceHeader: null, authorization: null }, noKeys)).toEqual({ ok: true, workspaceId: "default" });
    expect(resolveIngestWorkspace({ workspaceHeader: "  ", authorization: null }, noKeys)).toEqual({ ok: true, workspaceId: "default" });
  });

  it.each(["a b", "x".repeat(65), "../etc", "é", "a/b"])("refuses the header %j with 400", (header) => {
    const access = resolveIngestWorkspace({ workspaceHeader: header, authorization: null }, noKeys);
    expect(access).toMatchObject({ ok: false, status: 400 });
  });

  it("accepts 64-character ids", () => {
    expect(resolveIngestWorkspace({ workspaceHeader: "x".repeat(64), authorization: null }, noKeys).ok).toBe(true);
  });

  it("takes the workspace from the key", () => {
    expect(resolveIngestWorkspace({ workspaceHeader: null, authorization: "Bearer secret-shop" }, keys)).toEqual({ ok: true, workspaceId: "shop" });
    expect(resolveIngestWorkspace({ workspaceHeader: "shop", authorization: "bearer secret-shop" }, keys)).toEqual({ ok: true, workspaceId: "shop" });
  });

  it("answers 401 without a key or with an unknown one, 403 for another workspace", () => {
    expect(resolveIngestWorkspace({ workspaceHeader: "shop", authorization: null }, keys)).toMatchObject({ ok: false, status: 401 });
    expect(resolveIngestWorkspace({ workspaceHeader: null, authorization: "Bearer nope-nope" }, keys)).toMatchObject({ ok: false, status: 401 });
    expect(resolveIngestWorkspace({ workspaceHeader: null, authorization: "Basic abc" }, keys)).toMatchObject({ ok: false, status: 401 });
    expect(resolveIngestWorkspace({ workspaceHeader: "default", authorization: "Bearer secret-shop" }, keys)).toMatchObject({ ok: false, status: 403 });
  });

  it("with authentication on, takes keyless spans only for workspaces that allow it, and creates none", () => {
    const signedIn: IngestKeyring = { enabled: false, workspaceOf: () => null, keylessWorkspaces: new Set(["demo"]) };
    expect(resolveIngestWorkspace({ workspaceHeader: "demo", authorization: null }, signedIn)).toEqual({ ok: true, workspaceId: "demo" });
    const refused = resolveIngestWorkspace({ workspaceHeader: "brand-new", authorization: null }, signedIn);
    expect(refused).toMatchObject({ ok: false, status: 401 });
    expect(!refused.ok && refused.message).toMatch(/workspace "brand-new" takes spans with an ingest key only/);
    expect(resolveIngestWorkspace({ workspaceHeader: null, authorization: null }, signedIn)).toMatchObject({ ok: false, status: 401 });
    // A key still decides where its spans go.
    expect(resolveIngestWorkspace({ workspaceHeader: null, authorization: "Bearer secret-shop" }, { ...keys, keylessWorkspaces: new Set(["demo"]) })).toEqual({ ok: true, workspaceId: "shop" });
    expect(resolveIngestWorkspace({ workspaceHeader: "demo", authorization: null }, { ...keys, keylessWorkspaces: new Set(["demo"]) })).toEqual({ ok: true, workspaceId: "demo" });
  });
});

describe("parseIngestKeysEnv", () => {
  it("reads workspace:key pairs and bare keys", () => {
    expect([...parseIngestKeysEnv(" shop:abcdefgh , 12345678 ")]).toEqual([
      ["abcdefgh", "shop"],
      ["12345678", "default"],
    ]);
    expect(parseIngestKeysEnv(undefined).size).toBe(0);
  });

  it("names the bad entry", () => {
    expect(() => parseIngestKeysEnv("bad space:abcdefgh")).toThrow(/invalid workspace "bad space"/);
    expect(() => parseIngestKeysEnv("shop:short")).toThrow(/shorter than 8/);
  });
});
