import type { createProductBodySchema, Product, updateProductBodySchema } from "@rapport/contract";
import { sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { z } from "zod";
import type { Actor } from "../../../platform/auth/principal.js";
import type { DB } from "../../../platform/db/schema.js";
import { diff, recordEvent } from "../../../platform/events/outbox.js";
import { conflict, notFound } from "../../../platform/http/problem.js";
import { presentProduct, productSnapshot } from "../products.presenter.js";
import { productsRepository } from "../products.repository.js";

type CreateInput = z.output<typeof createProductBodySchema>;
type UpdateInput = z.output<typeof updateProductBodySchema>;

const codeTaken = (code: string) => conflict("product_code_taken", `Another product already has the code "${code}".`);

async function load(tx: Transaction<DB>, ws: string, id: string): Promise<Product> {
  const row = await productsRepository.byId(tx, ws, id);
  if (!row) throw notFound("product");
  return presentProduct(row, (await productsRepository.prices(tx, ws, [id])).get(id) ?? []);
}

export async function createProduct(tx: Transaction<DB>, actor: Actor, input: CreateInput): Promise<Product> {
  const ws = actor.workspaceId;
  if (await productsRepository.codeTaken(tx, ws, input.code)) throw codeTaken(input.code);
  const id = uuidv7();
  await tx
    .insertInto("products")
    .values({
      workspace_id: ws,
      id,
      code: input.code,
      name: input.name,
      product_line: input.productLine || null,
      description: input.description || null,
      active: input.active ?? true,
    })
    .execute();
  await productsRepository.setPrices(tx, ws, id, input.prices ?? []);
  const product = await load(tx, ws, id);
  await recordEvent(tx, actor, {
    type: "product.created",
    entityType: "product",
    entityId: id,
    payload: { after: productSnapshot(product) },
  });
  return product;
}

export async function updateProduct(tx: Transaction<DB>, actor: Actor, id: string, input: UpdateInput): Promise<Product> {
  const ws = actor.workspaceId;
  if (!(await productsRepository.byId(tx, ws, id, { forUpdate: true }))) throw notFound("product");
  const before = await load(tx, ws, id);
  if (input.code !== undefined && (await productsRepository.codeTaken(tx, ws, input.code, id))) throw codeTaken(input.code);
  const set: Record<string, unknown> = {};
  if (input.code !== undefined) set.code = input.code;
  if (input.name !== undefined) set.name = input.name;
  if (input.productLine !== undefined) set.product_line = input.productLine || null;
  if (input.description !== undefined) set.description = input.description || null;
  if (input.active !== undefined) set.active = input.active;
  await tx
    .updateTable("products")
    .set({ ...set, updated_at: sql`now()` } as never)
    .where("workspace_id", "=", ws)
    .where("id", "=", id)
    .execute();
  if (input.prices) await productsRepository.setPrices(tx, ws, id, input.prices);
  const product = await load(tx, ws, id);
  const changes = diff(productSnapshot(before), productSnapshot(product));
  if (Object.keys(changes).length > 0) {
    await recordEvent(tx, actor, { type: "product.updated", entityType: "product", entityId: id, payload: { changes } });
  }
  return product;
}
