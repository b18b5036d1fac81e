import { describe, expect, it } from 'vitest';

import type { GeminiVisionErrorCode } from '@gemini-vision/core';

import { EXIT_CODE_TABLE, EXIT_CODES, exitCodeForErrorCode } from './exit-codes';

describe('exitCodeForErrorCode', () => {
  it.each([
    { code: 'INVALID_ARGUMENT', exitCode: 2 },
    { code: 'UNKNOWN_MODEL', exitCode: 2 },
    { code: 'IMAGE_UNREADABLE', exitCode: 3 },
    { code: 'IMAGE_UNSUPPORTED_FORMAT', exitCode: 3 },
    { code: 'IMAGE_TOO_LARGE', exitCode: 3 },
    { code: 'IMAGE_DECODE_FAILED', exitCode: 3 },
    { code: 'UNSAFE_PATH', exitCode: 4 },
    { code: 'API_KEY_MISSING', exitCode: 5 },
    { code: 'API_CALL_FAILED', exitCode: 5 },
    { code: 'BATCH_JOB_FAILED', exitCode: 5 },
    { code: 'BUDGET_EXCEEDED', exitCode: 6 },
    { code: 'REQUEST_LIMIT_EXCEEDED', exitCode: 6 },
    { code: 'MODEL_OUTPUT_INVALID', exitCode: 7 },
    { code: 'MASK_DECODE_FAILED', exitCode: 7 },
    { code: 'CAPABILITY_UNSUPPORTED', exitCode: 7 },
    { code: 'ABORTED', exitCode: 130 },
  ] as const)('maps $code to $exitCode', ({ code, exitCode }) => {
    expect(exitCodeForErrorCode(code)).toBe(exitCode);
  });

  it('maps a code this version does not know to the unexpected-error code', () => {
    expect(exitCodeForErrorCode('SOMETHING_NEW' as GeminiVisionErrorCode)).toBe(1);
  });
});

describe('EXIT_CODE_TABLE', () => {
  it('documents every exit code exactly once, in order', () => {
    expect(EXIT_CODE_TABLE.map((row) => row.code)).toEqual(Object.values(EXIT_CODES));
  });
});
