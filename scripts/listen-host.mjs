// Where `npm start` listens. Without accounts (FLOWPRINT_AUTH=off) anyone who reaches the port
// reads and changes everything: such an instance listens on loopback only unless
// FLOWPRINT_OPEN_TO_NETWORK=1 says the operator means it.
const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/**
 * @param {Record<string, string | undefined>} env
 * @returns {{ host: string, warning: string | null }}
 */
export function listenHost(env) {
  const asked = env.FLOWPRINT_HOST;
  const authOff = (env.FLOWPRINT_AUTH ?? "").trim().toLowerCase() === "off";
  if (!authOff || env.FLOWPRINT_OPEN_TO_NETWORK === "1") return { host: asked ?? "0.0.0.0", warning: null };
  if (asked !== undefined && LOOPBACK.has(asked)) return { host: asked, warning: null };
  return {
    host: "127.0.0.1",
    warning:
      asked === undefined
        ? "FLOWPRINT_AUTH=off: listening on 127.0.0.1 only; set FLOWPRINT_OPEN_TO_NETWORK=1 to open an instance without accounts to the network"
        : `FLOWPRINT_AUTH=off: listening on 127.0.0.1, not ${asked}; set FLOWPRINT_OPEN_TO_NETWORK=1 to open an instance without accounts to the network`,
  };
}
