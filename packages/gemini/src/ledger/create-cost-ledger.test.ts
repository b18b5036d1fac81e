import { describe, expect, it } from 'vitest';

import { BudgetExceededError, estimateRequestCost, InvalidArgumentError } from '@gemini-vision/core';

import { createCostLedger } from './create-cost-ledger';

const estimate = estimateRequestCost({ model: 'gemini-2.5-flash', text: { tokens: 1_000_000 }, outputTokens: 0 }); // $0.30
const unpriced = estimateRequestCost({ model: 'gemini-4-argon', text: { tokens: 10 } });
const usage = { promptTokens: 500_000, outputTokens: 0, thoughtsTokens: 0, totalTokens: 500_000, imageTokens: 0, raw: {} };
const fixedNow = () => new Date('2026-11-21T00:00:00Z');

describe('createCostLedger', () => {
  it('records the estimate next to the billed usage', () => {
    const ledger = createCostLedger({ now: fixedNow });

    const entry = ledger.reserve({ operation: 'detect', estimate }).settle({ billed: usage, billedUsd: 0.15, attempts: 2, unconfirmedAttempts: 0 });

    expect(entry).toMatchObject({
      id: 1,
      operation: 'detect',
      model: 'gemini-2.5-flash',
      status: 'succeeded',
      estimatedUsd: 0.3,
      billedUsd: 0.15,
      attempts: 2,
      startedAt: '2026-11-21T00:00:00.000Z',
    });
    expect(ledger.totals()).toMatchObject({ calls: 1, estimatedUsd: 0.3, billedUsd: 0.15, reservedUsd: 0, committedUsd: 0.15, promptTokens: 500_000 });
  });

  it('refuses a call before it is sent when the budget would be exceeded', () => {
    const ledger = createCostLedger({ budgetUsd: 0.5 });
    ledger.reserve({ operation: 'detect', estimate }).settle({ billed: usage, billedUsd: 0.3, attempts: 1, unconfirmedAttempts: 0 });

    const call = () => ledger.reserve({ operation: 'detect', estimate });

    expect(call).toThrow(BudgetExceededError);
    expect(call).toThrow(/budget of \$0\.5000, but it is estimated at \$0\.3000 with \$0\.3000 already spent/u);
    expect(ledger.entries()).toHaveLength(1);
  });

  it('counts calls in flight against the budget, so parallel calls cannot overshoot', () => {
    const ledger = createCostLedger({ budgetUsd: 0.5 });

    ledger.reserve({ operation: 'a', estimate });

    expect(() => ledger.reserve({ operation: 'b', estimate })).toThrow(BudgetExceededError);
    expect(ledger.totals().reservedUsd).toBeCloseTo(0.3, 10);
  });

  it('releases a failed call but keeps its possibly billed attempts', () => {
    const ledger = createCostLedger({ budgetUsd: 1 });

    ledger.reserve({ operation: 'a', estimate }).fail({ attempts: 3, unconfirmedAttempts: 1 });

    expect(ledger.totals()).toMatchObject({ reservedUsd: 0, billedUsd: 0, possiblyBilledUsd: 0.3, committedUsd: 0.3 });
  });

  it('checks without reserving', () => {
    const ledger = createCostLedger({ budgetUsd: 0.2 });

    expect(() => { ledger.check({ operation: 'a', estimate }); }).toThrow(BudgetExceededError);
    expect(ledger.entries()).toEqual([]);
  });

  it('records committed work without checking the budget when asked', () => {
    const ledger = createCostLedger({ budgetUsd: 0.1 });

    ledger.reserve({ operation: 'resumed batch', estimate, enforceBudget: false }).settle({ attempts: 1, unconfirmedAttempts: 0, billedUsd: 0.3 });

    expect(ledger.totals().billedUsd).toBe(0.3);
  });

  it('refuses an unpriced model when a budget is set', () => {
    expect(() => createCostLedger({ budgetUsd: 1 }).reserve({ operation: 'a', estimate: unpriced })).toThrow(InvalidArgumentError);
    expect(() => {
      createCostLedger().reserve({ operation: 'a', estimate: unpriced });
    }).not.toThrow();
  });

  it('settles a reservation only once', () => {
    const reservation = createCostLedger().reserve({ operation: 'a', estimate });
    reservation.settle({ attempts: 1, unconfirmedAttempts: 0 });

    expect(() => reservation.fail({ attempts: 1, unconfirmedAttempts: 0 })).toThrow(InvalidArgumentError);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects a budget of %s', (budgetUsd) => {
    expect(() => createCostLedger({ budgetUsd })).toThrow(InvalidArgumentError);
  });
});
