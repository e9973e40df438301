import type { Inventory } from '../types.js';

/** The inventory as JSON (schema: docs/inventory-schema.md). Values in it are already masked. */
export function renderJson(inventory: Inventory): string {
  return `${JSON.stringify(inventory, null, 2)}\n`;
}
