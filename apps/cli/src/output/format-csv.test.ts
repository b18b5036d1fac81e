import { describe, expect, it } from 'vitest';

import { formatCsv } from './format-csv';

describe('formatCsv', () => {
  it('quotes fields with commas, quotes and line breaks, and leaves empty values empty', () => {
    expect(formatCsv(['path', 'tokens', 'dollars'], [['a,b.jpg', 258, undefined], ['say "hi"\n.png', 0, 0.0000774]])).toBe(
      'path,tokens,dollars\n"a,b.jpg",258,\n"say ""hi""\n.png",0,0.0000774\n',
    );
  });
});
