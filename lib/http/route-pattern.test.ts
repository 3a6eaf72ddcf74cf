import { describe, expect, it } from "vitest";
import { routeMatcher } from "./route-pattern";

// The shapes Next.js writes into routes-manifest.json.
const match = routeMatcher(
  [{ page: "/api/v1/workspaces", regex: "^/api/v1/workspaces(?:/)?$" }],
  [
    { page: "/api/v1/workspaces/[workspaceId]/telemetry/flows/[flowId]", regex: "^/api/v1/workspaces/([^/]+?)/telemetry/flows/([^/]+?)(?:/)?$" },
    { page: "/api/v1/workspaces/[workspaceId]/telemetry/flows", regex: "^/api/v1/workspaces/([^/]+?)/telemetry/flows(?:/)?$" },
    { page: "/api/auth/[...all]", regex: "^/api/auth/(.+?)(?:/)?$" },
  ],
);

describe("routeMatcher", () => {
  it("names the route, not the ids in the path", () => {
    expect(match("/api/v1/workspaces/shop/telemetry/flows/9f2c")).toBe("/api/v1/workspaces/[workspaceId]/telemetry/flows/[flowId]");
    expect(match("/api/v1/workspaces/other/telemetry/flows")).toBe("/api/v1/workspaces/[workspaceId]/telemetry/flows");
    expect(match("/api/auth/sign-in/email")).toBe("/api/auth/[...all]");
  });

  it("matches static routes exactly, with or without a trailing slash", () => {
    expect(match("/api/v1/workspaces/")).toBe("/api/v1/workspaces");
  });

  it("gives every unknown path one label", () => {
    expect(match("/wp-admin/login.php")).toBe("unmatched");
    expect(match("/api/v1/nothing/here")).toBe("unmatched");
  });
});
