// The REST API token the CLI commands send when Flowprint has accounts on (FLOWPRINT_AUTH=on):
// `--token`, else FLOWPRINT_API_TOKEN. On the command line it shows in the shell's history and
// in `ps`: the environment is the safer place.
export function apiTokenOf(flag: string | undefined, env: { FLOWPRINT_API_TOKEN?: string }): string | null {
  return flag?.trim() || env.FLOWPRINT_API_TOKEN?.trim() || null;
}

export function authorizationHeader(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** What to add to an answer of 401: which token is missing or refused, and where one comes from. */
export function tokenHint(status: number, token: string | null): string {
  if (status !== 401) return "";
  return token
    ? " (the API token was refused: it may be revoked or expired)"
    : " (this Flowprint has accounts on: set FLOWPRINT_API_TOKEN to an API token from Settings → Your API tokens)";
}
