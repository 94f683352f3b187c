#!/usr/bin/env node
// `npm run dev`: the API (restarted by tsx on server changes) and Vite with hot reload for
// the web app at http://localhost:5173 (proxying /api to the server).
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const children = [
  spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "watch", "apps/server/src/cli/main.ts", "start"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, RAPPORT_SERVE_WEB: "false" },
  }),
  spawn("npm", ["run", "dev", "-w", "apps/web"], { cwd: root, stdio: "inherit" }),
];
const stop = () => {
  for (const c of children) c.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const c of children) c.on("exit", () => stop());
