// Runs once when the Next.js server starts: background work lives in the server process.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundWork } = await import("./lib/pipeline/runtime");
  startBackgroundWork();
  const { startOtlpListeners } = await import("./lib/pipeline/otlp-listeners");
  await startOtlpListeners();
  const { createAdminFromEnvironment } = await import("./lib/pipeline/auth/admin-from-environment");
  await createAdminFromEnvironment().catch((error) => console.error("[flowprint] creating the administrator from FLOWPRINT_ADMIN_EMAIL failed", error));
}
