import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layering (../shared/DESIGN.md, "Dependencies point one way"): app → {pipeline, store, api};
// pipeline → {domain, store}; domain folders never reach up; lib/store imports domain types at
// most and never lib/api; components read the API's contract types from lib/api.
//
// Response shapes: the store builds the snake_case views, so a view is declared by the lowest
// layer that builds it (lib/store for trace and drift views, a domain folder when it is that
// domain's noun: lib/workspaces for telemetry settings, lib/webhooks for the webhooks resource),
// and lib/api re-exports it as the contract, with its zod request schemas checked against the
// same types (`satisfies z.ZodType<T>`). One declaration, no copy kept in step by hand, and the
// store never has to import lib/api.
//
// Every pattern matches the alias form ("@/lib/store/db") and any relative form ("../store/db",
// "../../lib/store/db"), so moving a file between folders cannot slip an import past it.
const libFolders = (...names) => `^(@/lib/|(\\.\\./)+(lib/)?)(${names.join("|")})(/|$)`;
const topFolders = (...names) => `^(@/|(\\.\\./)+)(${names.join("|")})(/|$)`;
const FRAMEWORKS = "^(react|react-dom|next)(/|$)";
const restrict = (...patterns) => ["error", { patterns: patterns.map(([regex, message]) => ({ regex, message: `${message} (layering: README, Architecture).` })) }];

const TOP = [topFolders("app", "components"), "app/ and components/ are the top layer: nothing below them imports them"];
const APP = [topFolders("app"), "app/ is the top layer: nothing below it imports it"];
const UI = [libFolders("store", "pipeline"), "UI reads data through the API: import the contract types from lib/api"];
const STORE_UP = [libFolders("api", "pipeline"), "lib/store only reads and writes: it sits below lib/pipeline and lib/api; declare shapes here or in a domain folder and let lib/api re-export them"];
const STORE_TEST_UP = [libFolders("api"), "lib/store sits below lib/api: declare shapes here or in a domain folder and let lib/api re-export them"];
const PIPELINE_UP = [libFolders("api"), "lib/pipeline sits below lib/api: declare shapes here, in lib/store or in a domain folder and let lib/api re-export them"];
const DOMAIN_UP = [libFolders("store", "pipeline", "api"), "Domain code is pure: it takes data as arguments and never reaches into lib/store, lib/pipeline or lib/api"];
const NO_FRAMEWORKS = [FRAMEWORKS, "Below app/ and components/ the code is framework-free TypeScript"];

// Pure domain folders, plus lib/runner (the test runner behind the CLI: it does I/O but sits
// beside the domain and depends on nothing above it) and lib/config, lib/http (server helpers
// every layer may use, so they must not lean on any).
const DOMAIN = [
  "otlp", "traces", "flows", "drift", "graph", "model", "diagnosis", "export", "validation", "trace-assert",
  "genai", "eval", "webhooks", "format", "trace-formats", "workspaces", "runner", "config", "http", "auth",
].map((name) => `lib/${name}/**`);

// A "use client" module anywhere under app/ runs in the browser: it may not import the store or
// the pipeline even though server pages and route handlers beside it may. (esquery regexes
// cannot hold "/", hence \x2F.)
const CLIENT_IMPORTS_SERVER_LAYER =
  "Program:has(> ExpressionStatement[directive='use client']) ImportDeclaration[source.value=/^(@\\x2Flib\\x2F|(\\.\\.\\x2F)+lib\\x2F)(store|pipeline)(\\x2F|$)/]";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // e2e/support/test.ts fails a test on any page or console error; a spec importing
    // Playwright's own `test` would silently skip that check.
    files: ["e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "@playwright/test", message: "Import test and expect from ./support/test: it fails tests on page and console errors." }] }],
    },
  },
  {
    files: ["components/**"],
    rules: { "no-restricted-imports": restrict(UI, APP) },
  },
  {
    // Browser hooks and helpers of the components.
    files: ["lib/ui/**"],
    rules: { "no-restricted-imports": restrict(UI, TOP) },
  },
  {
    files: ["app/**"],
    rules: {
      "no-restricted-syntax": ["error", { selector: CLIENT_IMPORTS_SERVER_LAYER, message: "Client code (\"use client\") reads data through the API, never lib/store or lib/pipeline (layering: README, Architecture)." }],
    },
  },
  {
    files: ["lib/api/**"],
    rules: { "no-restricted-imports": restrict(TOP) },
  },
  {
    files: ["lib/store/**"],
    rules: { "no-restricted-imports": restrict(STORE_UP, TOP, NO_FRAMEWORKS) },
  },
  {
    // Store tests may run the pipeline to produce rows the way ingest does.
    files: ["lib/store/**/*.test.ts"],
    rules: { "no-restricted-imports": restrict(STORE_TEST_UP, TOP, NO_FRAMEWORKS) },
  },
  {
    files: ["lib/pipeline/**"],
    rules: { "no-restricted-imports": restrict(PIPELINE_UP, TOP, NO_FRAMEWORKS) },
  },
  {
    files: ["lib/pipeline/**"],
    // Tests read back what the pipeline stored.
    ignores: ["lib/pipeline/**/*.test.ts"],
    rules: {
      "no-restricted-syntax": ["error", { selector: "MemberExpression[property.name='prisma']", message: "lib/pipeline orchestrates; lib/store does the reads and writes: add a function there (layering: README, Architecture)." }],
    },
  },
  {
    files: DOMAIN,
    rules: { "no-restricted-imports": restrict(DOMAIN_UP, TOP, NO_FRAMEWORKS) },
  },
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", "lib/store/generated/**", "lib/otlp/gen/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
