// The public API of @gemini-vision/gemini/emulator: an offline Gemini REST API for tests and demos.
// Every export is named explicitly.
export { createManualClock, type ManualClock } from './create-manual-clock';
export type {
  BilledCall,
  Emulator,
  EmulatorBatch,
  EmulatorBatchState,
  EmulatorFile,
  EmulatorStats,
  RecordedRequest,
} from './emulator';
export {
  type EmulatorRoute,
  FAULT_KINDS,
  type FaultCondition,
  type FaultKind,
  type FaultRule,
  type FaultScript,
  type FaultSpec,
} from './fault-script';
export { type EmulatorFixture, type EmulatorFixtureMatch, loadEmulatorFixtures } from './load-emulator-fixtures';
export { parseEmulatorArguments } from './parse-emulator-arguments';
export { type EmulatorBatchOptions, type EmulatorOptions, startEmulator } from './start-emulator';
