// FLOWPRINT_ADMIN_EMAIL / FLOWPRINT_ADMIN_PASSWORD: the first administrator, created at start
// when no user exists yet (an unattended install needs no setup page).
import { logger } from "../../http/logger";
import { countUsers } from "../../store/account-repository";
import { getRuntime } from "../runtime";
import { createFirstAdmin } from "./create-user";
import { runtimeAuth } from "./request-principal";

export async function createAdminFromEnvironment(): Promise<void> {
  const { config, store } = getRuntime();
  const auth = await runtimeAuth();
  if (!auth || !config.auth.admin || (await countUsers(store)) > 0) return;
  const created = await createFirstAdmin(store, auth, { ...config.auth.admin, name: "" }, { ipAddress: null, source: "environment" });
  if (created) logger.info({ email: created.email }, "first administrator created from FLOWPRINT_ADMIN_EMAIL");
}
