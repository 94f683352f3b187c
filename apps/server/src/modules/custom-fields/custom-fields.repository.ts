import type { RecordObject } from "@rapport/contract";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { CustomFieldDefinitionsTable, DB } from "../../platform/db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;
export type CustomFieldRow = Selectable<CustomFieldDefinitionsTable>;

export const customFieldsRepository = {
  list: (q: Q, workspaceId: string, objectType?: RecordObject) => {
    let query = q.selectFrom("custom_field_definitions").selectAll().where("workspace_id", "=", workspaceId);
    if (objectType) query = query.where("object_type", "=", objectType);
    return query.orderBy("object_type").orderBy("position").orderBy("label").execute();
  },
  byId: (q: Q, workspaceId: string, id: string) =>
    q.selectFrom("custom_field_definitions").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst(),
};
