// Long run of the hostile-text properties: `pnpm test:fuzz` (FUZZ_RUNS cases per property,
// default 100,000). The same properties run with a small sample in hostile-text.test.ts.
import { fuzzRuns, reportCasesAfterAll } from '../__fixtures__/fuzz-harness';
import { describeHostileTextProperties } from './__fixtures__/hostile-text-properties';

reportCasesAfterAll('parse');
describeHostileTextProperties(fuzzRuns());
