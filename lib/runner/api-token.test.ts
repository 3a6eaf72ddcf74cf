import { describe, expect, it } from "vitest";
import { apiTokenOf, authorizationHeader, tokenHint } from "./api-token";

describe("the CLI's API token", () => {
  it("takes --token over FLOWPRINT_API_TOKEN, and neither when blank", () => {
    expect(apiTokenOf("fp_flag", { FLOWPRINT_API_TOKEN: "fp_env" })).toBe("fp_flag");
    expect(apiTokenOf(undefined, { FLOWPRINT_API_TOKEN: " fp_env " })).toBe("fp_env");
    expect(apiTokenOf("  ", { FLOWPRINT_API_TOKEN: "" })).toBeNull();
    expect(authorizationHeader("fp_x")).toEqual({ authorization: "Bearer fp_x" });
    expect(authorizationHeader(null)).toEqual({});
  });

  it("says on a 401 which token is missing or refused, and nothing on other answers", () => {
    expect(tokenHint(401, null)).toContain("set FLOWPRINT_API_TOKEN");
    expect(tokenHint(401, "fp_x")).toContain("revoked or expired");
    expect(tokenHint(403, null)).toBe("");
    expect(tokenHint(404, "fp_x")).toBe("");
  });
});
