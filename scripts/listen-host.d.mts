// Types of listen-host.mjs, for the TypeScript that imports it (its test).
export function listenHost(env: Record<string, string | undefined>): { host: string; warning: string | null };
