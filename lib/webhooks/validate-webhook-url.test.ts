import { describe, expect, it } from "vitest";
import { webhookUrlProblem } from "./validate-webhook-url";

describe("webhook URLs", () => {
  it.each(["https://hooks.slack.com/services/T0/B0/xyz", "http://127.0.0.1:8080/hook?team=a", "https://example.com"])("accepts %s", (url) => {
    expect(webhookUrlProblem(url)).toBeNull();
  });

  it.each([
    ["/relative/path", "absolute URL"],
    ["hooks.example.com/x", "absolute URL"],
    ["ftp://example.com/x", "http or https"],
    ["javascript:alert(1)", "http or https"],
    ["https://user:pass@example.com/x", "user name or password"],
    ["https://token@example.com/x", "user name or password"],
    [`https://example.com/${"a".repeat(2048)}`, "at most 2048"],
  ])("refuses %s", (url, problem) => {
    expect(webhookUrlProblem(url)).toContain(problem);
  });
});
