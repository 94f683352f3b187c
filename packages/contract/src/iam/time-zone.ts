import { z } from "zod";
import { endpoint } from "../platform/endpoint.js";

/** IANA time zones this runtime knows (an allow-list: a zone name never reaches SQL unchecked). */
const zones = new Set<string>([...Intl.supportedValuesOf("timeZone"), "UTC"]);
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine((tz) => zones.has(tz), "not a known IANA time zone");
export function isTimeZone(tz: string): boolean {
  return zones.has(tz);
}

export const updateMyTimeZoneBodySchema = z.strictObject({
  /** null follows the workspace's time zone. */
  timeZone: timeZoneSchema.nullable(),
});
export const myTimeZoneSchema = z.object({
  timeZone: z.string(),
  /** The user's own setting; null when following the workspace. */
  own: z.string().nullable(),
  workspace: z.string(),
});
export type MyTimeZone = z.infer<typeof myTimeZoneSchema>;

export const timeZoneEndpoints = {
  getMyTimeZone: endpoint({
    method: "GET",
    path: "/api/v1/me/time-zone",
    summary: 'My time zone (for due dates, "today" and calendar feeds)',
    tags: ["Identity and access"],
    status: 200,
    response: myTimeZoneSchema,
  }),
  setMyTimeZone: endpoint({
    method: "PUT",
    path: "/api/v1/me/time-zone",
    summary: "Set my time zone, or follow the workspace's with null",
    tags: ["Identity and access"],
    body: updateMyTimeZoneBodySchema,
    status: 200,
    response: myTimeZoneSchema,
  }),
};
