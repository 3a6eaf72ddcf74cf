import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { flowprintVersion } from "./flowprint-version";

const CHECKOUT = path.resolve(import.meta.dirname, "../..");
const VERSION = (JSON.parse(readFileSync(path.join(CHECKOUT, "package.json"), "utf8")) as { version: string }).version;

describe("flowprintVersion", () => {
  it("is the checkout's package.json version", () => {
    expect(flowprintVersion()).toBe(VERSION);
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("says which package.json lacks a version", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "flowprint-version-")), "package.json");
    writeFileSync(file, JSON.stringify({ name: "x" }));
    expect(() => flowprintVersion(pathToFileURL(file))).toThrow(`${file} has no version`);
  });

  it("`flowprint --version` prints it from any working directory, whatever package.json is there", async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), "flowprint-elsewhere-"));
    writeFileSync(path.join(elsewhere, "package.json"), JSON.stringify({ name: "someone-else", version: "9.9.9" }));
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(CHECKOUT, "bin/flowprint.mjs"), "--version"], { cwd: elsewhere, timeout: 60_000 });
    expect(stdout).toBe(`${VERSION}\n`);
    expect(stderr).toBe("");
  });
});
