import { describe, expect, it } from "vitest";
import { buildRunCommand, runCommandParts } from "./build-run-command";
import { parseCliArgs } from "./cli-args";

describe("buildRunCommand", () => {
  it("leaves the file's base_url alone and names the page's server and workspace", () => {
    expect(buildRunCommand({ fileName: "api-gateway-post-api-v1-orders.yaml", fileBaseUrl: "http://127.0.0.1:4100", server: "http://flowprint.internal:3000", workspace: "shop" })).toBe(
      "npx flowprint run api-gateway-post-api-v1-orders.yaml --server http://flowprint.internal:3000 --workspace shop",
    );
  });

  it("omits the server and workspace when they are the CLI's defaults", () => {
    expect(buildRunCommand({ fileName: "a.yaml", fileBaseUrl: "http://127.0.0.1:4100", server: "http://localhost:3000/", workspace: "default" })).toBe("npx flowprint run a.yaml");
  });

  it("asks for --base-url when the file holds a stand-in", () => {
    expect(buildRunCommand({ fileName: "a.yaml", fileBaseUrl: null, server: "http://localhost:3000", workspace: "default" })).toBe("npx flowprint run a.yaml --base-url <url of the system under test>");
  });

  it("gives arguments the CLI accepts as the same server and workspace", () => {
    const parts = runCommandParts({ fileName: "a.yaml", fileBaseUrl: "http://127.0.0.1:4100", server: "http://127.0.0.1:3202", workspace: "export-1" });
    const argv = parts.join(" ").split(" ").slice(2);
    const parsed = parseCliArgs(argv, {});
    expect(parsed).toMatchObject({ kind: "run", options: { files: ["a.yaml"], baseUrl: null, server: "http://127.0.0.1:3202", workspace: "export-1" } });
    const defaults = parseCliArgs(buildRunCommand({ fileName: "a.yaml", fileBaseUrl: "http://x", server: "http://localhost:3000", workspace: "default" }).split(" ").slice(2), {});
    expect(defaults).toMatchObject({ kind: "run", options: { server: "http://localhost:3000", workspace: "default" } });
  });
});
