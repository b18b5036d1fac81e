// Long run of the hostile-byte properties: `pnpm test:fuzz` (FUZZ_RUNS cases per property, default
// 100,000). The same properties run with a small sample in hostile-bytes.test.ts.
import { describeHostileImageProperties, fuzzRuns, reportCasesAfterAll } from './__fixtures__/hostile-image-properties';

reportCasesAfterAll('images');
describeHostileImageProperties(fuzzRuns());
