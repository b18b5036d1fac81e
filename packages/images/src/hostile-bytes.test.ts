// A small sample of the hostile-byte properties in the normal run; `pnpm test:fuzz` runs the same
// properties with 100,000 cases each (hostile-bytes.fuzz.test.ts).
import { describeHostileImageProperties, SAMPLE_RUNS } from './__fixtures__/hostile-image-properties';

describeHostileImageProperties(SAMPLE_RUNS);
