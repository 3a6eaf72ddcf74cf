// YAML text of an exported test, with a header saying where it came from and how to run it.
import { stringify } from "yaml";

export function renderTestYaml(document: unknown, header: string[]): string {
  const comments = header.map((line) => `# ${line}`.trimEnd()).join("\n");
  return `${comments}\n${stringify(document, { lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" })}`;
}
