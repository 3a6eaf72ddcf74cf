#!/usr/bin/env node
// `npx flowprint`: the runner is TypeScript, so tsx compiles it on the fly. Paths are taken
// from this file, not the working directory, so it runs from anywhere; the user's file
// arguments stay relative to where they ran it.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import(new URL("../lib/runner/cli.ts", import.meta.url).href);
