/** A plain-text table for a terminal: columns padded to their widest cell, numbers right-aligned. */
export interface TextColumn {
  header: string;
  align?: 'left' | 'right';
  /** Longer cells are cut with an ellipsis. */
  maxWidth?: number;
}

function cut(text: string, max: number | undefined): string {
  if (max === undefined || [...text].length <= max) return text;
  return `${[...text].slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** Lines of the table: a header, a rule, then the rows. Control characters are shown as spaces. */
export function textTable(columns: readonly TextColumn[], rows: ReadonlyArray<readonly string[]>): string[] {
  const clean = (text: string) =>
    [...text].map((char) => ((char.codePointAt(0) ?? 0) < 32 || char === '\u007f' ? ' ' : char)).join('');
  const cells = rows.map((row) => columns.map((column, i) => cut(clean(row[i] ?? ''), column.maxWidth)));
  const headers = columns.map((column) => cut(column.header, column.maxWidth));
  const widths = columns.map((_, i) =>
    Math.max([...(headers[i] ?? '')].length, ...cells.map((row) => [...(row[i] ?? '')].length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...value].length));
        return columns[i]?.align === 'right' ? pad + value : value + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)];
}
