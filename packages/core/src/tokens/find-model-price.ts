import { DEFAULT_PRICE_TABLE, type ModelPrice, type PriceTable } from './default-price-table';
import { resolveModel, type ResolvedModel } from './resolve-model';

/**
 * Looks up the price of a model in a price table: first by the exact normalized id (so a table
 * can price one snapshot or alias apart), then by the model's {@link ResolvedModel.priceKey}.
 *
 * @remarks
 * Returns `undefined` when the table has no entry, never a neighbour's price. Pure.
 *
 * @param model - A model id or an already resolved model.
 * @param prices - The table to search, in USD per million tokens.
 * @returns The entry, or `undefined` if the table does not price this model.
 * @throws {@link UnknownModelError} If `model` is a string that is not a Gemini model id.
 *
 * @example
 * ```ts
 * findModelPrice('models/gemini-2.5-flash-preview-05-20')?.standard.inputUsdPerMillionTokens; // 0.3
 * findModelPrice('gemini-1.5-flash'); // undefined
 * ```
 */
export function findModelPrice(
  model: string | ResolvedModel,
  prices: PriceTable = DEFAULT_PRICE_TABLE,
): ModelPrice | undefined {
  const resolved = typeof model === 'string' ? resolveModel(model) : model;
  const entries = prices.entries;
  if (Object.hasOwn(entries, resolved.id)) return entries[resolved.id];
  if (Object.hasOwn(entries, resolved.priceKey)) return entries[resolved.priceKey];
  return undefined;
}
