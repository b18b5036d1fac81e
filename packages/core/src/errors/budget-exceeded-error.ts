import { GeminiVisionError, type GeminiVisionErrorOptions } from './gemini-vision-error';

/**
 * Constructor options of {@link BudgetExceededError}.
 *
 * @example
 * ```ts
 * const options: BudgetExceededErrorOptions = { budgetUsd: 0.01, committedUsd: 0.009, requestUsd: 0.002 };
 * ```
 */
export interface BudgetExceededErrorOptions extends GeminiVisionErrorOptions {
  /** The budget, in US dollars. */
  readonly budgetUsd: number;
  /** Dollars already spent or reserved by earlier calls, in US dollars. */
  readonly committedUsd: number;
  /** The pre-flight estimate of the refused request, in US dollars. */
  readonly requestUsd: number;
  /** What was refused, e.g. `models.generateContent` or `a batch of 40 requests`. */
  readonly operation?: string | undefined;
}

/**
 * A request was refused **before** it was sent because its estimated cost would take the total
 * over the caller's budget. Nothing was billed for it.
 *
 * @example
 * ```ts
 * throw new BudgetExceededError({ budgetUsd: 0.01, committedUsd: 0.009, requestUsd: 0.002 });
 * ```
 */
export class BudgetExceededError extends GeminiVisionError {
  override readonly name = 'BudgetExceededError';

  /** The budget, in US dollars. */
  readonly budgetUsd: number;
  /** Dollars already spent or reserved before this request, in US dollars. */
  readonly committedUsd: number;
  /** The estimated cost of the refused request, in US dollars. */
  readonly requestUsd: number;

  constructor({ budgetUsd, committedUsd, requestUsd, operation, cause }: BudgetExceededErrorOptions) {
    const what = operation === undefined ? 'the request' : `\`${operation}\``;
    super(
      'BUDGET_EXCEEDED',
      `Expected ${what} to fit the budget of ${formatUsd(budgetUsd)}, but it is estimated at ${formatUsd(requestUsd)} with ${formatUsd(committedUsd)} already spent or reserved. Nothing was sent; raise \`maxCostUsd\`, send fewer or smaller images, or use a cheaper model.`,
      { cause },
    );
    this.budgetUsd = budgetUsd;
    this.committedUsd = committedUsd;
    this.requestUsd = requestUsd;
  }

  /**
   * Tells whether `value` is a `BudgetExceededError` from any copy of this package.
   *
   * @example
   * ```ts
   * BudgetExceededError.isInstance(error);
   * ```
   */
  static override isInstance(value: unknown): value is BudgetExceededError {
    return GeminiVisionError.isInstance(value) && value.code === 'BUDGET_EXCEEDED';
  }
}

function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return `$${value < 0.01 ? value.toPrecision(2) : value.toFixed(4)}`;
}
