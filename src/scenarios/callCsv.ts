/**
 * CSV reading for the call import: RFC 4180 records with the line each starts on, bounded in
 * size, rows and columns; a stray quote is reported at its row and reading goes on.
 */
import type { Language } from './messages.ts';
import { LIMITS } from './schema.ts';
import { callText, type CallText } from './callImportText.ts';

/** Bounds of a call file: the size of a scenario file, and a column count no export has. */
export const CSV_LIMITS = {
  bytes: LIMITS.fileBytes,
  rows: LIMITS.listedIncidents,
  columns: 1_000,
} as const;

/** Stray quotes recovered from before the rest of the file is given up (each rereads the rest). */
const QUOTE_RECOVERIES = 10;

export interface CallImportProblem {
  line: number;
  message: string;
  /** Problems of the same group are the same problem (grouped in a report); else the message. */
  group?: string;
}

/** A record of the file and the line it starts on (a quoted field may span lines). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  /** The header first, then the data rows; blank lines left out. */
  rows: CsvRow[];
  /** What stopped or skipped reading: an unclosed quote, too many rows or columns. */
  problems: CallImportProblem[];
}

/**
 * Splits CSV text into records (RFC 4180: quotes, doubled quotes, CRLF, fields spanning lines),
 * each with the line it starts on. A quote never closed is reported at its row, which is
 * skipped, and reading goes on at the next line; the rows and columns are bounded.
 */
export function readCsv(text: string, language: Language = 'en'): ParsedCsv {
  const t = callText[language];
  const rows: CsvRow[] = [];
  const problems: CallImportProblem[] = [];
  if (text.length > CSV_LIMITS.bytes) {
    return { rows, problems: [{ line: 1, message: t.tooLarge(text.length, CSV_LIMITS.bytes) }] };
  }
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const totalLines = text.endsWith('\n') ? lineStarts.length - 1 : lineStarts.length;
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  for (let recoveries = 0; ; recoveries++) {
    const stop = parseFrom(text, position, line, rows, problems, t);
    if (stop === null) break;
    // A quote opened on `stop` never closed: skip that line's record, read on after it.
    const left = totalLines - stop;
    if (left <= 0) {
      problems.push({ line: stop, message: t.unclosedLast() });
      break;
    }
    if (recoveries >= QUOTE_RECOVERIES) {
      problems.push({ line: stop, message: t.unclosedGiveUp(left) });
      break;
    }
    problems.push({ line: stop, message: t.unclosedQuote(left) });
    position = lineStarts[stop];
    line = stop + 1;
  }
  if (rows.length > 0 && rows[0].cells.length > CSV_LIMITS.columns) {
    const count = rows[0].cells.length;
    return {
      rows: [],
      problems: [{ line: 1, message: t.tooManyColumns(count, CSV_LIMITS.columns) }],
    };
  }
  return { rows, problems };
}

/**
 * Reads records from `start` (at line `line`) to the end; returns null, or the line of a quote
 * left open at the end of the text (the records before it are kept).
 */
function parseFrom(
  text: string,
  start: number,
  firstLine: number,
  rows: CsvRow[],
  problems: CallImportProblem[],
  t: CallText,
): number | null {
  let line = firstLine;
  let rowLine = firstLine;
  let quoteLine = firstLine;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = start;
  const push = () => {
    row.push(field);
    const blank = row.length === 1 && row[0].trim() === '';
    if (!blank) rows.push({ line: rowLine, cells: row });
    row = [];
    field = '';
  };
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === 10) line++;
        // Runs of plain characters are copied at once (a field of a million characters is fine).
        let j = i + 1;
        while (j < text.length) {
          const d = text.charCodeAt(j);
          if (d === 34 || d === 10) break;
          j++;
        }
        field += text.slice(i, j);
        i = j - 1;
      }
    } else if (c === 34 && field === '' && i === fieldStart) {
      quoted = true;
      quoteLine = line;
    } else if (c === 44 /* , */) {
      row.push(field);
      field = '';
      fieldStart = i + 1;
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      push();
      line++;
      rowLine = line;
      fieldStart = i + 1;
      if (rows.length === 1 && rows[0].cells.length > CSV_LIMITS.columns) return null;
      if (rows.length - 1 > CSV_LIMITS.rows) {
        rows.pop();
        problems.push({ line: rowLine - 1, message: t.tooManyRows(CSV_LIMITS.rows) });
        return null;
      }
    } else {
      let j = i + 1;
      while (j < text.length) {
        const d = text.charCodeAt(j);
        if (d === 44 || d === 10 || d === 13) break;
        j++;
      }
      field += text.slice(i, j);
      i = j - 1;
    }
  }
  if (quoted) return quoteLine;
  if (field !== '' || row.length > 0) push();
  if (rows.length - 1 > CSV_LIMITS.rows) {
    rows.pop();
    problems.push({ line: rowLine, message: t.tooManyRows(CSV_LIMITS.rows) });
  }
  return null;
}

/** Splits CSV text into rows of fields (the records of `readCsv`, without their lines). */
export function parseCsv(text: string): string[][] {
  return readCsv(text).rows.map((row) => row.cells);
}
