// Every browser test imports `test` and `expect` from here: a page error (an uncaught exception,
// a failed hydration) or a console error in any page the test opens fails the test, with the
// messages listed. A test that provokes one on purpose declares it with `pageErrors.allow`.
import { test as base, expect, type BrowserContext, type ConsoleMessage, type Page } from "@playwright/test";

export { expect };
export type { Page };

interface Allowance {
  pattern: RegExp;
  /** The resource the message is about (for "Failed to load resource": the request's URL). */
  url?: RegExp;
  reason: string;
  seen: number;
}

export interface PageErrors {
  /**
   * Lets console errors matching `pattern` pass for the rest of this test, and only them. The
   * allowance must be used: a test that declares an error it never provokes fails, so an
   * allowance cannot outlive the behaviour it was written for. `url` narrows it to messages
   * about one resource, e.g. the request a test makes fail on purpose.
   */
  allow(pattern: RegExp, reason: string, options?: { url?: RegExp }): void;
}

function describeConsole(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  return `console.error: ${message.text()}${url ? ` (${url}${lineNumber ? `:${lineNumber}` : ""})` : ""}`;
}

export const test = base.extend<{ pageErrors: PageErrors }>({
  pageErrors: [
    async ({ browser, context }, provide) => {
      const allowances: Allowance[] = [];
      const problems: string[] = [];
      const watchPage = (page: Page) => {
        page.on("pageerror", (error) => problems.push(`page error at ${page.url()}: ${(error.stack ?? error.message).split("\n").slice(0, 3).join("\n      ")}`));
        page.on("console", (message) => {
          if (message.type() !== "error") return;
          const allowance = allowances.find((a) => a.pattern.test(message.text()) && (a.url === undefined || a.url.test(message.location().url)));
          if (allowance) allowance.seen++;
          else problems.push(`${describeConsole(message)} at ${page.url()}`);
        });
      };
      const watchContext = (ctx: BrowserContext) => {
        ctx.pages().forEach(watchPage);
        ctx.on("page", watchPage);
      };
      // The test's own context, and any the test opens itself (fresh loads, other viewers).
      watchContext(context);
      browser.on("context", watchContext);
      try {
        await provide({ allow: (pattern, reason, options) => allowances.push({ pattern, url: options?.url, reason, seen: 0 }) });
      } finally {
        browser.off("context", watchContext);
      }
      for (const a of allowances) if (a.seen === 0) problems.push(`expected console error never appeared: ${a.pattern}${a.url ? ` about ${a.url}` : ""} (${a.reason})`);
      if (problems.length > 0) throw new Error(`${problems.length} page or console error(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    },
    { auto: true },
  ],
});
