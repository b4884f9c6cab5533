/**
 * A call history file as exported: CSV in UTF-8 (with or without a byte-order mark) or in
 * GBK/GB18030 (what Excel on Chinese Windows writes), detected or given; or an Excel workbook
 * (.xlsx, its first sheet) read with read-excel-file. Either way the result is the rows the
 * import maps, each with its line (the sheet's row number), and the encoding or format found.
 *
 * Why read-excel-file: an .xlsx is a zip of XML parts with shared strings, styles that decide
 * which numbers are dates, and the 1900/1904 date systems; the library (same author as our
 * write-excel-file) reads all of that, evaluates nothing (formulas come as their stored values),
 * and has one entry, `/universal`, that takes an ArrayBuffer in Node and in the browser alike.
 */
import { decodeText } from './decode.ts';
import { readCsv, type CsvRow, type ParsedCsv } from './callCsv.ts';
import { CSV_LIMITS } from './callCsv.ts';
import type { Language } from './messages.ts';

/** How a CSV file's bytes are read: detected, or told (`gbk` reads GB18030, a superset of GBK). */
export type CallEncoding = 'auto' | 'utf8' | 'gbk';
export const CALL_ENCODINGS: readonly CallEncoding[] = ['auto', 'utf8', 'gbk'];

export type CallFile =
  | { ok: true; parsed: ParsedCsv; format: 'csv' | 'xlsx'; encoding: string }
  | { ok: false; message: string };

const text = {
  en: {
    notEncoding: (name: string) =>
      `the file cannot be read as ${name}: it has bytes that are not ${name} (choose another encoding, or auto)`,
    badWorkbook: (why: string) => `the Excel workbook cannot be read: ${why}`,
    emptyWorkbook: () => 'the first sheet of the workbook is empty',
  },
  zh: {
    notEncoding: (name: string) =>
      `无法按 ${name} 编码读取此文件：其中有不属于 ${name} 的字节（请选择其他编码或“自动判断”）`,
    badWorkbook: (why: string) => `无法读取此 Excel 工作簿：${why}`,
    emptyWorkbook: () => '工作簿的第一个工作表为空',
  },
};

/** Whether the bytes are a zip archive (an .xlsx workbook is one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Decodes a CSV file's bytes as told, or detected (`decodeText`); the encoding is named. */
export function decodeCalls(
  bytes: Uint8Array,
  encoding: CallEncoding,
  language: Language,
): { ok: true; text: string; encoding: string } | { ok: false; message: string } {
  if (encoding === 'auto') {
    const decoded = decodeText(bytes, language);
    if (decoded.ok) return decoded;
    // Taken for damaged UTF-8, but GBK whose byte pairs happen to form a few UTF-8 characters:
    // most of its non-ASCII is invalid as UTF-8, and all of it is valid GB18030.
    if (decoded.encoding === 'UTF-8' && mostlyInvalidUtf8(bytes)) {
      const gb = decodeCalls(bytes, 'gbk', language);
      if (gb.ok) return gb;
    }
    return { ok: false, message: decoded.message };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const [label, name] = encoding === 'utf8' ? ['utf-8', 'UTF-8'] : ['gb18030', 'GB18030 (GBK)'];
  try {
    const decoder = new TextDecoder(label, { fatal: true });
    const body = encoding === 'utf8' && bom ? bytes.subarray(3) : bytes;
    const name2 = encoding === 'utf8' && bom ? 'UTF-8 with BOM' : name;
    return { ok: true, text: decoder.decode(body), encoding: name2 };
  } catch {
    return { ok: false, message: text[language].notEncoding(name) };
  }
}

/** Whether more of the non-ASCII read as UTF-8 is invalid than valid. */
function mostlyInvalidUtf8(bytes: Uint8Array): boolean {
  const loose = new TextDecoder('utf-8').decode(bytes);
  let invalid = 0;
  let valid = 0;
  for (let i = 0; i < loose.length; i++) {
    const code = loose.charCodeAt(i);
    if (code === 0xfffd) invalid++;
    else if (code > 0x7f) valid++;
  }
  return invalid > valid;
}

/** Reads a call file's bytes: an .xlsx workbook's first sheet, or CSV in its encoding. */
export async function readCallFile(
  bytes: Uint8Array,
  options: { encoding?: CallEncoding; language?: Language } = {},
): Promise<CallFile> {
  const language = options.language ?? 'en';
  if (isZip(bytes)) return readWorkbook(bytes, language);
  const decoded = decodeCalls(bytes, options.encoding ?? 'auto', language);
  if (!decoded.ok) return decoded;
  return {
    ok: true,
    parsed: readCsv(decoded.text, language),
    format: 'csv',
    encoding: decoded.encoding,
  };
}

async function readWorkbook(bytes: Uint8Array, language: Language): Promise<CallFile> {
  const { readSheet } = await import('read-excel-file/universal');
  let data: unknown[][];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    data = (await readSheet(buffer as ArrayBuffer)) as unknown[][];
  } catch (error) {
    return { ok: false, message: text[language].badWorkbook((error as Error).message) };
  }
  const rows: CsvRow[] = [];
  const problems: ParsedCsv['problems'] = [];
  data.forEach((cells, index) => {
    const row = cells.map(cellText);
    if (row.every((cell) => cell.trim() === '')) return;
    if (rows.length - 1 >= CSV_LIMITS.rows) return;
    rows.push({ line: index + 1, cells: row });
  });
  if (rows.length === 0) problems.push({ line: 1, message: text[language].emptyWorkbook() });
  return { ok: true, parsed: { rows, problems }, format: 'xlsx', encoding: 'xlsx' };
}

/**
 * A cell as the CSV importer reads it: text as it is, a number in full, a date (which the
 * library gives on the sheet's clock, as if UTC) as YYYY-MM-DD HH:MM:SS.
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
