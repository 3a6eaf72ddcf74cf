// Better Auth's tables (users, sessions, accounts, verifications) through this store's Prisma
// client: the library reads and writes them by the model names in prisma/schema.prisma.
import { prismaAdapter } from "better-auth/adapters/prisma";
import type { Store } from "./db";

export function betterAuthDatabase(store: Store) {
  return prismaAdapter(store.prisma, { provider: store.dialect === "postgresql" ? "postgresql" : "sqlite" });
}
