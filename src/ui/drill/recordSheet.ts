/**
 * A filled 演练记录表 saved as CSV, made ready for the drill log reader (pure): the sheet comes
 * with a row pre-printed for every step's release and every expected action, and the rows the
 * recorders left without a time are not records — a step not released, an action not seen —
 * so they are blanked before the reader (which asks a time of every release) sees them; the
 * reader skips blank rows, and its line numbers stay those of the file.
 * The reader still checks everything else, line by line.
 */

const TIME_HEADERS = ['时间', '时刻', '实际时刻', 'time', 't'];
const TYPE_HEADERS = ['类型', '记录类型', 'type'];

/** Splits CSV text into rows of fields (RFC 4180: quoted fields may hold separators and breaks). */
export function csvRows(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function csvLine(fields: string[], separator: string): string {
  return fields
    .map((field) =>
      field.includes(separator) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field,
    )
    .join(separator);
}

/**
 * The sheet with the pre-printed rows left unfilled (a type but no time) blanked. Text that is
 * not such a sheet (no time and type columns in its first row) is returned as it is, for the
 * reader to judge.
 */
export function dropUnfilledRows(text: string): string {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const separator = [',', ';', '\t'].sort(
    (a, b) => firstLine.split(b).length - firstLine.split(a).length,
  )[0];
  const rows = csvRows(body, separator);
  if (rows.length === 0) return text;
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const find = (names: string[]) => header.findIndex((h) => names.includes(h));
  const time = find(TIME_HEADERS);
  const type = find(TYPE_HEADERS);
  if (time < 0 || type < 0) return text;
  const unfilled = (row: string[]) =>
    (row[time] ?? '').trim() === '' && (row[type] ?? '').trim() !== '';
  return rows
    .map((row, index) =>
      index > 0 && unfilled(row) ? row.map(() => '').join(separator) : csvLine(row, separator),
    )
    .join('\n');
}
