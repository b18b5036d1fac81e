// Long run of the hostile-number properties: `pnpm test:fuzz` (FUZZ_RUNS cases per property,
// default 100,000). The same properties run with a small sample in hostile-masks.test.ts.
import { fuzzRuns, reportCasesAfterAll } from '../__fixtures__/fuzz-harness';
import { describeHostileMaskProperties } from './__fixtures__/hostile-mask-properties';

reportCasesAfterAll('masks');
describeHostileMaskProperties(fuzzRuns());
