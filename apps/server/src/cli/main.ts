import { Command, Option } from "commander";
import { registerAdminCommands } from "./admin.commands.js";
import { registerDataCommands } from "./data.commands.js";
import { registerServeCommands } from "./serve.commands.js";
import { registerTransferCommands } from "./transfer.commands.js";

/**
 * `rapport <command>`: every command works whether or not `npm start` is running on the
 * same data directory (it then joins the running embedded database).
 */
const program = new Command()
  .name("rapport")
  .description("Rapport CRM — server, worker and administration")
  .addOption(new Option("--data-dir <dir>", "data directory of the embedded database").env("RAPPORT_DATA_DIR"))
  .hook("preAction", (cmd) => {
    const dir = cmd.opts<{ dataDir?: string }>().dataDir;
    if (dir) process.env.RAPPORT_DATA_DIR = dir;
  });

registerServeCommands(program);
registerAdminCommands(program);
registerDataCommands(program);
registerTransferCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`rapport: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
