import type { ParseIssue } from '@gemini-vision/core';

/** Case-, width- and space-insensitive form of a label, for matching against requested labels. */
export function labelKey(label: string): string {
  return label.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * Keeps the items whose label matches one of `labels` (ignoring case, Unicode width and extra
 * spaces), then the first `maxItems`; reports what was dropped as core's `filtered-by-label` and
 * `max-items-exceeded` issues.
 */
export function filterItems<Item extends { readonly label: string }>(
  items: readonly Item[],
  labels: readonly string[] | undefined,
  maxItems: number | undefined,
): { readonly items: readonly Item[]; readonly issues: readonly ParseIssue[] } {
  const issues: ParseIssue[] = [];
  let kept = items;
  if (labels !== undefined) {
    const wanted = new Set(labels.map(labelKey));
    kept = items.filter((item) => wanted.has(labelKey(item.label)));
    const dropped = items.length - kept.length;
    if (dropped > 0) {
      issues.push({
        code: 'filtered-by-label',
        severity: 'info',
        message: `${dropped} item${dropped === 1 ? '' : 's'} with a label outside \`labels\` ${dropped === 1 ? 'was' : 'were'} dropped.`,
        count: dropped,
      });
    }
  }
  if (maxItems !== undefined && kept.length > maxItems) {
    const dropped = kept.length - maxItems;
    kept = kept.slice(0, maxItems);
    issues.push({
      code: 'max-items-exceeded',
      severity: 'info',
      message: `${dropped} item${dropped === 1 ? '' : 's'} beyond \`maxItems\` (${maxItems}) ${dropped === 1 ? 'was' : 'were'} dropped.`,
      count: dropped,
    });
  }
  return { items: kept, issues };
}
