/** @type {import('next').NextConfig} */
const nextConfig = {
  // FLOWPRINT_DIST_DIR lets several builds of one checkout live side by side (parallel e2e runs).
  distDir: process.env.FLOWPRINT_DIST_DIR || ".next",
  // Native and WASM-backed packages, and the 2.5 MB SQL parser, stay outside the server bundle
  // and load from node_modules.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "protobufjs", "node-sql-parser"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
