/** @type {import('next').NextConfig} */
const nextConfig = {
  // FLOWPRINT_DIST_DIR lets several builds of one checkout live side by side (parallel e2e runs).
  distDir: process.env.FLOWPRINT_DIST_DIR || ".next",
  // Native and WASM-backed packages, and the 2.5 MB SQL parser, stay outside the server bundle
  // and load from node_modules.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "protobufjs", "node-sql-parser"],
  poweredByHeader: false,
  // Jaeger's query API at the short address a Grafana data source or toad-eye is given
  // (http://flowprint:3000/jaeger/<workspace>); the routes live with the workspace's others.
  async rewrites() {
    return [{ source: "/jaeger/:workspaceId/api/:path*", destination: "/api/v1/workspaces/:workspaceId/jaeger/api/:path*" }];
  },
  typedRoutes: false,
};

export default nextConfig;
