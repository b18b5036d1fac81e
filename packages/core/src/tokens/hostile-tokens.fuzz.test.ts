// Long run of the hostile-number properties: `pnpm test:fuzz` (FUZZ_RUNS cases per property,
// default 100,000). The same properties run with a small sample in hostile-tokens.test.ts.
import { fuzzRuns, reportCasesAfterAll } from '../__fixtures__/fuzz-harness';
import { describeHostileTokenProperties } from './__fixtures__/hostile-token-properties';

reportCasesAfterAll('tokens');
describeHostileTokenProperties(fuzzRuns());
