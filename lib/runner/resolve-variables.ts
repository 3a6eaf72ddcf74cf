import type { VariableValue } from "./render-template";

/**
 * The file's variables, overridden by `--var` and `base_url` by `--base-url`. A command-line
 * value takes the type of the file variable it replaces when it reads as one, so
 * `--var quantity=3` still sends the number 3 where the file had `quantity: 2`.
 */
export function resolveVariables(fileVariables: Readonly<Record<string, VariableValue>>, cliVars: Readonly<Record<string, string>>, baseUrl: string | null): Record<string, VariableValue> {
  const variables: Record<string, VariableValue> = { ...fileVariables };
  for (const [name, text] of Object.entries(cliVars)) variables[name] = coerceLike(fileVariables[name], text);
  if (baseUrl !== null) variables.base_url = baseUrl;
  return variables;
}

function coerceLike(original: VariableValue | undefined, text: string): VariableValue {
  if (typeof original === "number" && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  if (typeof original === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}
