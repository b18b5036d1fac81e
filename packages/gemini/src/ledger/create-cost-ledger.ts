import { BudgetExceededError, InvalidArgumentError, type RequestCostEstimate } from '@gemini-vision/core';

/**
 * Token usage as the API reported it for one call, with the raw object kept.
 *
 * @remarks
 * `generateContent` reports `usageMetadata` (`promptTokenCount`, `candidatesTokenCount`,
 * `thoughtsTokenCount`, `promptTokensDetails`); the Interactions API reports `usage`
 * (`total_input_tokens`, `total_output_tokens`, `total_thought_tokens`,
 * `input_tokens_by_modality`). Both are read into the same fields; `raw` is the object as sent.
 *
 * @example
 * ```ts
 * const usage: BilledUsage = { promptTokens: 270, outputTokens: 42, thoughtsTokens: 0, totalTokens: 312, imageTokens: 258, raw: {} };
 * ```
 */
export interface BilledUsage {
  /** Input tokens billed (images and text), or `undefined` when not reported. */
  readonly promptTokens: number | undefined;
  /** Output tokens billed, thinking excluded, or `undefined` when not reported. */
  readonly outputTokens: number | undefined;
  /** Thinking tokens billed at the output rate, or `undefined` when not reported. */
  readonly thoughtsTokens: number | undefined;
  /** Total tokens, as reported. */
  readonly totalTokens: number | undefined;
  /** The image share of `promptTokens` (modality `IMAGE`), when reported. */
  readonly imageTokens: number | undefined;
  /** The usage object exactly as the API sent it. */
  readonly raw: unknown;
}

/**
 * One call in a {@link CostLedger}: the pre-flight estimate next to what was billed.
 *
 * @example
 * ```ts
 * for (const entry of vision.ledger.entries()) console.log(entry.operation, entry.estimatedUsd, entry.billedUsd);
 * ```
 */
export interface LedgerEntry {
  /** 1-based sequence number within the ledger. */
  readonly id: number;
  /** What was run, e.g. `detect`, `batch`. */
  readonly operation: string;
  /** The model id. */
  readonly model: string;
  /** Standard or Batch API rates. */
  readonly pricing: 'standard' | 'batch';
  /** Where the call is: `reserved` (in flight), `succeeded` or `failed`. */
  readonly status: 'reserved' | 'succeeded' | 'failed';
  /** Pre-flight input tokens (images and text). */
  readonly estimatedInputTokens: number;
  /** Pre-flight output tokens: the output cap, so the estimate is an upper bound. */
  readonly estimatedOutputTokens: number;
  /** Pre-flight dollars (upper bound), or `undefined` when the model has no price. */
  readonly estimatedUsd: number | undefined;
  /** Usage as the API reported it, once the call succeeded. */
  readonly billed: BilledUsage | undefined;
  /** Dollars for the billed usage, once the call succeeded and the model has a price. */
  readonly billedUsd: number | undefined;
  /** Attempts made (retries included). */
  readonly attempts: number;
  /** Failed attempts that may still have been processed and billed (timeouts, lost connections). */
  readonly unconfirmedAttempts: number;
  /** When the call was reserved (ISO 8601). */
  readonly startedAt: string;
  /** When it settled (ISO 8601), or `undefined` while in flight. */
  readonly finishedAt: string | undefined;
}

/**
 * Sums over a {@link CostLedger}, in US dollars and tokens.
 *
 * @example
 * ```ts
 * const { billedUsd, committedUsd } = vision.ledger.totals();
 * ```
 */
export interface LedgerTotals {
  /** Calls recorded (any status). */
  readonly calls: number;
  /** Sum of the pre-flight estimates of settled and in-flight calls. */
  readonly estimatedUsd: number;
  /** Sum of billed dollars of succeeded calls. */
  readonly billedUsd: number;
  /** Estimates of calls still in flight. */
  readonly reservedUsd: number;
  /** Estimates of failed attempts that may have been billed anyway (one estimate per unconfirmed attempt). */
  readonly possiblyBilledUsd: number;
  /** `billedUsd + reservedUsd + possiblyBilledUsd`: what the budget is checked against. */
  readonly committedUsd: number;
  /** Billed input tokens of succeeded calls. */
  readonly promptTokens: number;
  /** Billed output and thinking tokens of succeeded calls. */
  readonly outputTokens: number;
}

/**
 * How a reserved call ended, passed to {@link LedgerReservation.settle}.
 *
 * @example
 * ```ts
 * reservation.settle({ billed, billedUsd: 0.0004, attempts: 2, unconfirmedAttempts: 0 });
 * ```
 */
export interface LedgerSettlement {
  /** Usage as reported; `undefined` when the call failed. */
  readonly billed?: BilledUsage | undefined;
  /** Dollars for `billed`, when known. */
  readonly billedUsd?: number | undefined;
  /** Attempts made. */
  readonly attempts: number;
  /** Failed attempts that may have been billed. */
  readonly unconfirmedAttempts: number;
}

/**
 * A call's place in the ledger between the budget check and its end.
 *
 * @example
 * ```ts
 * const reservation = ledger.reserve({ operation: 'detect', estimate });
 * try { … ; reservation.settle({ billed, billedUsd, attempts, unconfirmedAttempts: 0 }); }
 * catch (error) { reservation.fail({ attempts: 1, unconfirmedAttempts: 0 }); throw error; }
 * ```
 */
export interface LedgerReservation {
  /** The entry's id. */
  readonly id: number;
  /** Records success: the reservation is replaced by the billed dollars. */
  readonly settle: (settlement: LedgerSettlement) => LedgerEntry;
  /** Records failure: the reservation is released (unconfirmed attempts stay counted). */
  readonly fail: (settlement: Omit<LedgerSettlement, 'billed' | 'billedUsd'>) => LedgerEntry;
}

/**
 * A running account of estimated and billed cost, with an optional budget checked **before**
 * every call. Created by {@link createCostLedger}; every `createGeminiVision` instance has one.
 *
 * @example
 * ```ts
 * const ledger = createCostLedger({ budgetUsd: 1 });
 * ledger.totals().committedUsd; // 0
 * ```
 */
export interface CostLedger {
  /** The budget in US dollars, or `undefined` for none. */
  readonly budgetUsd: number | undefined;
  /**
   * Reserves a call's estimated cost, refusing it when the budget would be exceeded.
   * @throws {@link BudgetExceededError} If `committedUsd + estimate > budgetUsd`.
   * @throws {@link InvalidArgumentError} If a budget is set and the estimate has no dollars (unpriced model).
   */
  readonly reserve: (request: {
    readonly operation: string;
    readonly estimate: RequestCostEstimate;
    /** `false` records without checking the budget (for work already committed, e.g. a resumed batch). */
    readonly enforceBudget?: boolean | undefined;
  }) => LedgerReservation;
  /**
   * Checks that a call would fit the budget, without reserving anything.
   * @throws {@link BudgetExceededError} If `committedUsd + estimate > budgetUsd`.
   */
  readonly check: (request: { readonly operation: string; readonly estimate: RequestCostEstimate }) => void;
  /** Every call so far, oldest first (a copy). */
  readonly entries: () => readonly LedgerEntry[];
  /** Sums over all entries. */
  readonly totals: () => LedgerTotals;
}

/**
 * Options of {@link createCostLedger}.
 *
 * @example
 * ```ts
 * const options: CostLedgerOptions = { budgetUsd: 0.5 };
 * ```
 */
export interface CostLedgerOptions {
  /**
   * Refuse calls once estimated plus billed cost would exceed this many US dollars.
   * @defaultValue no budget
   */
  readonly budgetUsd?: number | undefined;
  /**
   * Clock for `startedAt` / `finishedAt`; inject a fixed one in tests.
   * @defaultValue `() => new Date()`
   */
  readonly now?: (() => Date) | undefined;
}

/**
 * Creates a cost ledger: every call's pre-flight estimate next to its billed usage, and a
 * budget that refuses calls before they are sent.
 *
 * @remarks
 * The budget is checked against `committedUsd` = billed dollars of finished calls + estimates
 * of calls in flight + estimates of failed attempts that may have been billed anyway. Estimates
 * take the output cap as the output size, so they are upper bounds and the check is
 * conservative; concurrent calls each reserve before sending, so parallel calls cannot overshoot
 * together. Share one ledger between instances by passing it as `ledger`.
 *
 * @param options - Budget and clock.
 * @returns The ledger.
 * @throws {@link InvalidArgumentError} If `budgetUsd` is not a finite number ≥ 0.
 *
 * @example
 * ```ts
 * const ledger = createCostLedger({ budgetUsd: 0.25 });
 * const vision = createGeminiVision({ ledger, imageProber, maskDecoder });
 * ```
 */
export function createCostLedger(options: CostLedgerOptions = {}): CostLedger {
  const { budgetUsd } = options;
  if (budgetUsd !== undefined && (typeof budgetUsd !== 'number' || !Number.isFinite(budgetUsd) || budgetUsd < 0)) {
    throw new InvalidArgumentError({ argument: 'maxCostUsd', expected: 'a finite number of US dollars ≥ 0', received: budgetUsd });
  }
  const now = options.now ?? (() => new Date());
  const entries: LedgerEntry[] = [];

  const totals = (): LedgerTotals => {
    let estimatedUsd = 0;
    let billedUsd = 0;
    let reservedUsd = 0;
    let possiblyBilledUsd = 0;
    let promptTokens = 0;
    let outputTokens = 0;
    for (const entry of entries) {
      const estimate = entry.estimatedUsd ?? 0;
      estimatedUsd += estimate;
      possiblyBilledUsd += estimate * entry.unconfirmedAttempts;
      if (entry.status === 'reserved') reservedUsd += estimate;
      if (entry.status === 'succeeded') {
        billedUsd += entry.billedUsd ?? estimate;
        promptTokens += entry.billed?.promptTokens ?? 0;
        outputTokens += (entry.billed?.outputTokens ?? 0) + (entry.billed?.thoughtsTokens ?? 0);
      }
    }
    return {
      calls: entries.length,
      estimatedUsd,
      billedUsd,
      reservedUsd,
      possiblyBilledUsd,
      committedUsd: billedUsd + reservedUsd + possiblyBilledUsd,
      promptTokens,
      outputTokens,
    };
  };

  const check = ({ operation, estimate }: { readonly operation: string; readonly estimate: RequestCostEstimate }): void => {
    const requestUsd = estimate.dollars?.total;
    if (budgetUsd !== undefined) {
      if (requestUsd === undefined) {
        throw new InvalidArgumentError({
          argument: 'maxCostUsd',
          expected: `a model with a known price when a budget is set, not \`${estimate.model.id}\``,
          received: budgetUsd,
          hint: 'Pass `prices` with an entry for the model, or drop `maxCostUsd`.',
        });
      }
      const committedUsd = totals().committedUsd;
      if (committedUsd + requestUsd > budgetUsd + 1e-12) {
        throw new BudgetExceededError({ budgetUsd, committedUsd, requestUsd, operation });
      }
    }
  };

  const reserve = ({
    operation,
    estimate,
    enforceBudget = true,
  }: {
    readonly operation: string;
    readonly estimate: RequestCostEstimate;
    readonly enforceBudget?: boolean | undefined;
  }): LedgerReservation => {
    if (enforceBudget) check({ operation, estimate });
    const requestUsd = estimate.dollars?.total;
    const id = entries.length + 1;
    const index = entries.length;
    entries.push({
      id,
      operation,
      model: estimate.model.id,
      pricing: estimate.pricing,
      status: 'reserved',
      estimatedInputTokens: estimate.inputTokens,
      estimatedOutputTokens: estimate.outputTokens,
      estimatedUsd: requestUsd,
      billed: undefined,
      billedUsd: undefined,
      attempts: 0,
      unconfirmedAttempts: 0,
      startedAt: now().toISOString(),
      finishedAt: undefined,
    });
    const finish = (status: 'succeeded' | 'failed', settlement: LedgerSettlement): LedgerEntry => {
      const current = entries[index];
      if (current?.status !== 'reserved') {
        throw new InvalidArgumentError({ argument: 'reservation', expected: 'a reservation not yet settled', received: id });
      }
      const entry: LedgerEntry = {
        ...current,
        status,
        billed: settlement.billed,
        billedUsd: settlement.billedUsd,
        attempts: settlement.attempts,
        unconfirmedAttempts: settlement.unconfirmedAttempts,
        finishedAt: now().toISOString(),
      };
      entries[index] = entry;
      return entry;
    };
    return {
      id,
      settle: (settlement) => finish('succeeded', settlement),
      fail: (settlement) => finish('failed', settlement),
    };
  };

  return { budgetUsd, reserve, check, entries: () => [...entries], totals };
}
