import type { Transaction } from "kysely";
import type { Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { contactContext, createContact } from "../contacts/index.js";

/**
 * A handful of realistic duplicates in the demo workspace, so the Duplicates queue has
 * something to review on first start: people entered twice by a web form, an import and a
 * rep, with a nickname, a typo, an initial, another script, accents. The identity consumer
 * finds them from the creation events right after start. One near miss (a relative sharing
 * a phone) shows what is not proposed.
 */
export async function seedDemoDuplicates(tx: Transaction<DB>, principal: Principal) {
  const ctx = await contactContext(tx, principal, "DE");
  const person = (p: Parameters<typeof createContact>[1]) => createContact(ctx, p);
  const originals = await tx
    .selectFrom("contacts")
    .select(["id", "first_name", "last_name", "emails", "phones", "owner_id"])
    .where("workspace_id", "=", principal.workspaceId)
    .orderBy("created_at")
    .limit(3)
    .execute();
  const [a, b, c] = originals;
  if (a) {
    // The same mailbox typed with a +tag and capitals, from the newsletter form.
    const [local, domain] = (a.emails[0] ?? "x@mail.example").split("@");
    await person({
      firstName: a.first_name,
      lastName: a.last_name,
      emails: [`${local?.toUpperCase()}+newsletter@${domain}`],
      source: "web",
    });
  }
  if (b) {
    // A surname typo with the same phone written nationally.
    const typo =
      b.last_name.length > 3 ? b.last_name.slice(0, 2) + b.last_name[3] + b.last_name[2] + b.last_name.slice(4) : `${b.last_name}n`;
    await person({ firstName: b.first_name, lastName: typo, phones: b.phones.map((p) => p.replace(/^\+49/, "0")), source: "import" });
  }
  if (c) {
    // Only the initial, and a typo in the email.
    const [local, domain] = (c.emails[0] ?? "x@mail.example").split("@");
    await person({ firstName: `${c.first_name[0]}.`, lastName: c.last_name, emails: [`${local}s@${domain}`], source: "trade show" });
  }
  // Written in Cyrillic by one rep and in Latin by another.
  await person({ firstName: "Дмитрий", lastName: "Волков", phones: ["+7 495 123-45-67"], title: "Закупки", source: "referral" });
  await person({
    firstName: "Dmitry",
    lastName: "Volkov",
    phones: ["+74951234567"],
    emails: ["d.volkov@stroymash.example"],
    source: "import",
  });
  // A nickname with the same Gmail address written with dots.
  await person({ firstName: "Robert", lastName: "Whitfield", emails: ["robert.whitfield@gmail.com"], title: "Head of Procurement" });
  await person({ firstName: "Bob", lastName: "Whitfield", emails: ["robertwhitfield@gmail.com"], source: "web" });
  // Accents dropped by an import.
  await person({ firstName: "José", lastName: "García Márquez", emails: ["jose.garcia@ferreteria.example"], phones: ["+34 912 345 678"] });
  await person({ firstName: "Jose", lastName: "Garcia Marquez", emails: ["jose.garcia@ferreteria.example"], source: "import" });
  // Not a duplicate: a relative sharing the household phone.
  await person({ firstName: "Mary", lastName: "Whitfield", phones: ["+44 20 7946 0958"], emails: ["mary.w@post.example"] });
  await person({ firstName: "Mark", lastName: "Whitfield", phones: ["+44 20 7946 0958"] });
}
