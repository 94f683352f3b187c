/** Products: the catalogue of what is sold, with a price list (one unit price per currency). */
export { createProduct } from "./commands/save-product.js";
export { type PriceRow, type ProductRow, productsRepository } from "./products.repository.js";
export { registerProductRoutes } from "./products.routes.js";
