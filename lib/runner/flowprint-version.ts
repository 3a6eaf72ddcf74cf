// `flowprint --version`: the version of the checkout the command runs from. package.json is found
// from this file's own location, since the command is run from anywhere (a test repository, CI's
// workspace) and the working directory's package.json is someone else's.
import { readFileSync } from "node:fs";

const PACKAGE_JSON = new URL("../../package.json", import.meta.url);

export function flowprintVersion(packageJson: URL = PACKAGE_JSON): string {
  const { version } = JSON.parse(readFileSync(packageJson, "utf8")) as { version?: unknown };
  if (typeof version !== "string" || version === "") throw new Error(`${packageJson.pathname} has no version`);
  return version;
}
