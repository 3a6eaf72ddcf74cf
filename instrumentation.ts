// Runs once when the Next.js server starts: background work lives in the server process.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundWork } = await import("./lib/pipeline/runtime");
  startBackgroundWork();
  const { startOtlpListeners } = await import("./lib/pipeline/otlp-listeners");
  await startOtlpListeners();
  const { createAdminFromEnvironment } = await import("./lib/pipeline/auth/admin-from-environment");
  const { errorFields, logger } = await import("./lib/http/logger");
  await createAdminFromEnvironment().catch((error) => logger.error(errorFields(error), "creating the administrator from FLOWPRINT_ADMIN_EMAIL failed"));
}
