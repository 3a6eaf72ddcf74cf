// Checks shared by the `flowprint` commands' option parsers: a bad value is a usage error
// (exit 2) that names the option and repeats what was given.

export class CliUsageError extends Error {}

export function httpUrl(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliUsageError(`${flag} must be an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new CliUsageError(`${flag} must be an http(s) URL, got "${value}"`);
  // `{{base_url}}/orders`, `<server>/v1/traces` and `<base>/chat/completions` add their own slash.
  return value.replace(/\/+$/, "");
}

/** A whole number in [min, max], or null when the option was not given. */
export function wholeNumber(flag: string, value: string | undefined, min: number, max: number, unit?: string): number | null {
  if (value === undefined) return null;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new CliUsageError(`${flag} must be a whole number${unit ? ` of ${unit}` : ""} from ${min} to ${max}, got "${value}"`);
  }
  return number;
}
