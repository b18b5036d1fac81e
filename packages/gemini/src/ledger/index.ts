// Public API of the ledger domain: estimates next to billed usage, and the budget.
export {
  createCostLedger,
  type BilledUsage,
  type CostLedger,
  type CostLedgerOptions,
  type LedgerEntry,
  type LedgerReservation,
  type LedgerSettlement,
  type LedgerTotals,
} from './create-cost-ledger';
