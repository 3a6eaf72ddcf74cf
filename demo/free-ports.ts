// Picks free TCP ports upward from a base port, so the demo starts next to whatever already
// listens there.
import net from "node:net";

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    // Same host the services bind to: a port free on 0.0.0.0 may be taken on 127.0.0.1.
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

export async function findFreePorts(count: number, basePort: number): Promise<number[]> {
  const ports: number[] = [];
  for (let port = basePort; ports.length < count; port++) {
    if (port > 65_535) throw new Error(`no ${count} free ports from ${basePort}`);
    if (await isFree(port)) ports.push(port);
  }
  return ports;
}
