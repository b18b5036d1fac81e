/**
 * One column of {@link formatTable}.
 *
 * @example
 * ```ts
 * const column: TableColumn = { header: 'tokens', align: 'right' };
 * ```
 */
export interface TableColumn {
  /** The heading. */
  readonly header: string;
  /**
   * Alignment of the cells; numbers read best right-aligned.
   * @defaultValue `'left'`
   */
  readonly align?: 'left' | 'right' | undefined;
}

/**
 * Options of {@link formatTable}.
 *
 * @example
 * ```ts
 * const options: FormatTableOptions = { maxWidth: 100, styleHeader: colors.bold };
 * ```
 */
export interface FormatTableOptions {
  /**
   * Terminal width in characters: the last column is cut with `…` so lines fit. Pass nothing
   * for pipes and files, where nothing is cut.
   * @defaultValue no limit
   */
  readonly maxWidth?: number | undefined;
  /**
   * Styles the heading line after padding (so escape codes do not upset the widths).
   * @defaultValue no styling
   */
  readonly styleHeader?: ((text: string) => string) | undefined;
  /**
   * Rows (0-based, excluding the heading) to style after padding, e.g. a total row.
   * @defaultValue none
   */
  readonly styleRows?: ReadonlyMap<number, (text: string) => string> | undefined;
}

const GAP = '  ';

/**
 * Lays out rows as a plain-text table: a heading, then one line per row, columns separated by
 * two spaces and padded to the widest cell. No borders and no escape codes unless a style
 * function adds them, so the text is the same in a terminal, a pipe or a file.
 *
 * @param columns - Headings and alignment.
 * @param rows - Cell texts, one array per row, as many cells as columns.
 * @param options - Width limit and styles; see {@link FormatTableOptions}.
 * @returns The lines, without line breaks, trailing spaces removed.
 *
 * @example
 * ```ts
 * formatTable([{ header: 'file' }, { header: 'tokens', align: 'right' }], [['a.jpg', '258']]);
 * // => ['file   tokens', 'a.jpg     258']
 * ```
 */
export function formatTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  options: FormatTableOptions = {},
): string[] {
  const widths = columns.map((column, index) =>
    Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(row[index] ?? ''))),
  );
  const lastIndex = columns.length - 1;
  const maxWidth = options.maxWidth;
  if (maxWidth !== undefined && lastIndex >= 0) {
    const before = widths.slice(0, lastIndex).reduce((sum, width) => sum + width + GAP.length, 0);
    const room = Math.max(12, maxWidth - before);
    widths[lastIndex] = Math.min(widths[lastIndex] ?? 0, room);
  }

  const layout = (cells: readonly string[]): string =>
    columns
      .map((column, index) => {
        const width = widths[index] ?? 0;
        const text = index === lastIndex ? truncate(cells[index] ?? '', width) : (cells[index] ?? '');
        const padding = ' '.repeat(Math.max(0, width - displayWidth(text)));
        return column.align === 'right' ? padding + text : text + padding;
      })
      .join(GAP)
      .trimEnd();

  const header = layout(columns.map((column) => column.header));
  return [
    options.styleHeader === undefined ? header : options.styleHeader(header),
    ...rows.map((row, index) => {
      const line = layout(row);
      const style = options.styleRows?.get(index);
      return style === undefined ? line : style(line);
    }),
  ];
}

/**
 * Width of `text` in terminal columns: East Asian wide and fullwidth characters and most emoji
 * count as two.
 *
 * @param text - Plain text (no escape codes).
 * @returns Columns the text occupies.
 *
 * @example
 * ```ts
 * displayWidth('梅干し'); // => 6
 * ```
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const point = character.codePointAt(0) ?? 0;
    width += isWide(point) ? 2 : point < 0x20 || (point >= 0x300 && point <= 0x36f) ? 0 : 1;
  }
  return width;
}

function isWide(point: number): boolean {
  return (
    (point >= 0x1100 && point <= 0x115f) ||
    (point >= 0x2e80 && point <= 0xa4cf && point !== 0x303f) ||
    (point >= 0xac00 && point <= 0xd7a3) ||
    (point >= 0xf900 && point <= 0xfaff) ||
    (point >= 0xfe30 && point <= 0xfe4f) ||
    (point >= 0xff00 && point <= 0xff60) ||
    (point >= 0xffe0 && point <= 0xffe6) ||
    (point >= 0x1f300 && point <= 0x1faff) ||
    (point >= 0x20000 && point <= 0x3fffd)
  );
}

function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let result = '';
  let used = 0;
  for (const character of text) {
    const next = displayWidth(character);
    if (used + next > width - 1) break;
    result += character;
    used += next;
  }
  return `${result.trimEnd()}…`;
}
