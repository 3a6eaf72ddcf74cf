// The command that fills a workspace with demo traffic. `npm run demo` sends to the `default`
// workspace at http://localhost:3000 (README: demo traffic); anything else must be said.
const DEMO_DEFAULT_URL = "http://localhost:3000";
const DEMO_DEFAULT_WORKSPACE = "default";

export function demoCommand(workspaceId: string, origin: string): string {
  const env: string[] = [];
  if (origin !== DEMO_DEFAULT_URL) env.push(`FLOWPRINT_URL=${origin}`);
  // Workspace ids are slugs (letters, digits, - and _): nothing a shell would need quoted.
  if (workspaceId !== DEMO_DEFAULT_WORKSPACE) env.push(`DEMO_WORKSPACE=${workspaceId}`);
  return [...env, "npm run demo"].join(" ");
}
