import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Passwords of the embedded cluster, generated on first start and kept in a 0600 file. */
export type EmbeddedSecrets = { superuserPassword: string; appPassword: string };

export function loadOrCreateSecrets(dataDir: string): EmbeddedSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (fs.existsSync(file)) {
    const stat = fs.statSync(file);
    if ((stat.mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return JSON.parse(fs.readFileSync(file, "utf8")) as EmbeddedSecrets;
  }
  const secrets: EmbeddedSecrets = {
    superuserPassword: crypto.randomBytes(24).toString("base64url"),
    appPassword: crypto.randomBytes(24).toString("base64url"),
  };
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return secrets;
}
