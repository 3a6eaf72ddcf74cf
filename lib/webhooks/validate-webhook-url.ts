// Where a webhook may point: an absolute http(s) URL without credentials (a user name or password
// in the URL would be sent with every delivery and shown in the settings page).
export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** Why `text` is not a usable webhook URL, or null when it is. */
export function webhookUrlProblem(text: string): string | null {
  if (text.length > MAX_WEBHOOK_URL_LENGTH) return `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "must be an absolute URL such as https://hooks.example.com/flowprint";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must use http or https";
  if (url.username !== "" || url.password !== "") return "must not contain a user name or password";
  if (url.hostname === "") return "must name a host";
  return null;
}
