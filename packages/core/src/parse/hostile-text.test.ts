// A small sample of the hostile-text properties in the normal run; `pnpm test:fuzz` runs the same
// properties with 100,000 cases each (hostile-text.fuzz.test.ts).
import { SAMPLE_RUNS } from '../__fixtures__/fuzz-harness';
import { describeHostileTextProperties } from './__fixtures__/hostile-text-properties';

describeHostileTextProperties(SAMPLE_RUNS);
