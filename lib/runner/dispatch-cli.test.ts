import { describe, expect, it } from "vitest";
import { dispatchCli } from "./dispatch-cli";
import { flowprintVersion } from "./flowprint-version";

function io() {
  let out = "";
  let err = "";
  return { cli: { out: (t: string) => (out += t), err: (t: string) => (err += t), color: false, env: {} }, output: () => out, errors: () => err };
}

describe("dispatchCli", () => {
  it.each([["--version"], ["-V"], ["version"]])("%s prints the version alone and exits 0", async (flag) => {
    const { cli, output, errors } = io();
    expect(await dispatchCli([flag], cli)).toBe(0);
    expect(output()).toBe(`${flowprintVersion()}\n`);
    expect(errors()).toBe("");
  });

  it("lists import and --version among the commands", async () => {
    const { cli, output } = io();
    expect(await dispatchCli(["--help"], cli)).toBe(0);
    expect(output()).toContain("import <file|dir>...");
    expect(output()).toContain("version, --version, -V");
  });

  it("hands import its arguments, and exits 2 for an unknown command", async () => {
    const help = io();
    expect(await dispatchCli(["import", "--help"], help.cli)).toBe(0);
    expect(help.output()).toMatch(/^Usage: flowprint import <file\|dir>\.\.\./);
    const none = io();
    expect(await dispatchCli(["import"], none.cli)).toBe(2);
    expect(none.errors()).toContain("no files given");
    const unknown = io();
    expect(await dispatchCli(["upload"], unknown.cli)).toBe(2);
    expect(unknown.errors()).toMatch(/^flowprint: unknown command "upload"/);
  });
});
