import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", "lib/store/generated/**", "lib/otlp/gen/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
