import { notFound } from "../../platform/http/problem.js";
import type { RecordType } from "./record-sql.js";

/**
 * A 360° panel's page whose own statement checks that the caller may see the record (a
 * `gate`, see `recordVisible`) instead of a lookup round trip before it: 404 when the gate
 * was shut. A request that fails before or in that statement (a bad cursor) is answered as
 * it was when the lookup came first: 404 if the record is not visible, else that failure.
 */
export async function gatedPage<Page extends { gateOpen: boolean }>(
  read: () => Promise<Page>,
  visible: () => Promise<unknown[]>,
  type: RecordType,
): Promise<Page> {
  let page: Page;
  try {
    page = await read();
  } catch (err) {
    if ((await visible()).length === 0) throw notFound(type);
    throw err;
  }
  if (!page.gateOpen) throw notFound(type);
  return page;
}
