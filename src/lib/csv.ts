/**
 * A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled.
 * Text that a spreadsheet would run as a formula (= + - @, tab or CR first, e.g. a name typed as
 * "=HYPERLINK(…)") gets a leading apostrophe; numbers are written as numbers (a non-finite one,
 * or null, as an empty field).
 */
export function csvField(value: string | number | null): string {
  let text =
    value === null
      ? ''
      : typeof value === 'number'
        ? Number.isFinite(value)
          ? String(value)
          : ''
        : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) text = `'${value}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
