// Runs once when the Next.js server starts: background work lives in the server process.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundWork } = await import("./lib/pipeline/runtime");
  startBackgroundWork();
}
