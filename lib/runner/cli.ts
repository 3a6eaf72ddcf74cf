// Entry point of `npx flowprint` (bin/flowprint.mjs loads it through tsx).
import { dispatchCli } from "./dispatch-cli";

try {
  process.exitCode = await dispatchCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    env: process.env,
  });
} catch (error) {
  process.stderr.write(`flowprint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
