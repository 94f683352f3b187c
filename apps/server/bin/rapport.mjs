#!/usr/bin/env node
// The `rapport` command. TypeScript sources run through tsx's loader, so there is no
// separate build step for the server (see docs/decisions/0003-run-typescript-with-tsx.md).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
