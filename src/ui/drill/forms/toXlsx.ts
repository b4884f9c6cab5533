/**
 * A form's tables as an Excel workbook (.xlsx), made in the page with write-excel-file (loaded
 * only when a sheet is exported): a title row, the header's fields, then each table with its
 * header row frozen, borders, wrapped text and A4 landscape or portrait as the form is printed.
 * Real numbers stay text here on purpose: the sheets are forms people fill in and print.
 * Why write-excel-file: it writes what the forms need (widths, borders, wrapping, merged title
 * rows, frozen header, landscape) from plain arrays, in the browser and in Node, with fflate as
 * its only dependency (which docx uses too); exceljs pulls Node stream polyfills and a bundle
 * several times larger, and SheetJS's current builds are no longer published on npm.
 */
import type { CellObject, Sheet } from 'write-excel-file/universal';
import { labelled, type FormDoc, type FormTable } from './formModel.ts';

type Cell = CellObject | null;

/** The rows of one sheet, and its column widths in characters. */
export function sheetRows(form: FormDoc): { rows: Cell[][]; widths: number[] } {
  const tables = form.sections.filter((section) => section.table).map((s) => s.table!);
  const width = Math.max(2, ...tables.map((table) => table.columns.length));
  const rows: Cell[][] = [];
  const spanning = (value: string, extra: Partial<CellObject> = {}): Cell[] => [
    { value, columnSpan: width, wrap: true, ...extra },
    ...Array.from({ length: width - 1 }, () => null),
  ];
  if (!form.sheetHeaderFirst) {
    rows.push(
      spanning(form.title, { fontWeight: 'bold', fontSize: 16, align: 'center', height: 28 }),
    );
    rows.push(spanning(form.subtitle, { fontWeight: 'bold', align: 'center' }));
    for (const [label, value] of form.meta) rows.push(spanning(`${labelled(form, label)}${value}`));
  }
  for (const section of form.sections) {
    if (!section.table) continue;
    if (rows.length > 0) rows.push(spanning(''));
    if (section.heading) rows.push(spanning(section.heading, { fontWeight: 'bold' }));
    rows.push(...tableRows(section.table, width));
  }
  // A sheet that reads back as CSV carries nothing below its table but rows of it.
  if (form.note && !form.sheetHeaderFirst)
    rows.push(spanning(''), spanning(form.note, { fontSize: 9 }));
  const widths = Array.from({ length: width }, (_, column) =>
    Math.min(40, Math.max(6, ...tables.map((table) => table.columns[column]?.width ?? 6))),
  );
  return { rows, widths };
}

function tableRows(table: FormTable, width: number): Cell[][] {
  const pad = (cells: Cell[]) => [
    ...cells,
    ...Array.from({ length: width - cells.length }, () => null),
  ];
  const bordered = (value: string, extra: Partial<CellObject> = {}): Cell => ({
    value,
    wrap: true,
    borderStyle: 'thin',
    alignVertical: 'top',
    ...extra,
  });
  const rows: Cell[][] = [
    pad(
      table.columns.map((column) =>
        bordered(column.label, { fontWeight: 'bold', backgroundColor: '#E8EEF4', align: 'center' }),
      ),
    ),
  ];
  for (const row of table.rows) rows.push(pad(table.columns.map((_, i) => bordered(row[i] ?? ''))));
  for (let i = 0; i < (table.blankRows ?? 0); i++) {
    rows.push(pad(table.columns.map(() => bordered('', { height: 24 }))));
  }
  if (table.footer) {
    rows.push(
      pad(table.columns.map((_, i) => bordered(table.footer![i] ?? '', { fontWeight: 'bold' }))),
    );
  }
  return rows;
}

/** The workbook of one or more forms, one sheet each, as a Blob. */
export async function formsToXlsx(forms: FormDoc[]): Promise<Blob> {
  const { default: writeExcelFile } = await import('write-excel-file/universal');
  const sheets = forms.map((form, index): Sheet<Blob> => {
    const { rows, widths } = sheetRows(form);
    return {
      data: rows,
      sheet: sheetName(form.title, index),
      columns: widths.map((width) => ({ width })),
      ...(form.orientation === 'landscape' ? { orientation: 'landscape' as const } : {}),
    };
  });
  return writeExcelFile(sheets, { fontFamily: 'SimSun', fontSize: 10 }).toBlob();
}

/** Excel allows 31 characters and no []:*?/\ in a sheet's name. */
function sheetName(title: string, index: number): string {
  const cleaned = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 28)
    .trim();
  return cleaned || `Sheet${index + 1}`;
}
