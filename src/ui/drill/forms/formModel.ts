/**
 * A printed form (演练方案, 演练脚本, 评估表, 演练记录表, 观摩手册, 总结报告, 问题整改清单) as plain
 * data: a title, the header's label–value pairs and sections of paragraphs and tables. One model
 * per form, three renderers: the A4 print view (PrintForm.tsx), Word (.docx, toDocx.ts) and
 * Excel (.xlsx, toXlsx.ts), so that the paper, the Word file and the sheet say the same thing.
 */

export interface FormColumn {
  label: string;
  /** Relative width, in characters of the widest expected content (the sheet's column width). */
  width: number;
  /**
   * Only in the spreadsheet, not on paper or in Word: the record sheet's ids, which a filled
   * sheet saved as CSV needs to be read back, and which a person writing on paper does not.
   */
  sheetOnly?: boolean;
}

/** The table as printed (on paper and in Word): the spreadsheet-only columns left out. */
export function printedTable(table: FormTable): FormTable {
  const keep = table.columns.map((column) => !column.sheetOnly);
  const pick = (row: string[]) => row.filter((_, i) => keep[i]);
  return {
    ...table,
    columns: table.columns.filter((_, i) => keep[i]),
    rows: table.rows.map(pick),
    ...(table.footer ? { footer: pick(table.footer) } : {}),
  };
}

export interface FormTable {
  columns: FormColumn[];
  rows: string[][];
  /** A closing row (e.g. 合计 with the total duration). */
  footer?: string[];
  /** Rows left blank for handwriting (the record sheet). */
  blankRows?: number;
}

export interface FormSection {
  heading?: string;
  paragraphs?: string[];
  /** Label–value pairs shown as a two-column list. */
  fields?: Array<[string, string]>;
  table?: FormTable;
}

export type FormId =
  'plan' | 'script' | 'evaluation' | 'record' | 'handbook' | 'report' | 'improvements';

export interface FormDoc {
  id: FormId;
  /** The language it is written in (its punctuation follows). */
  language: 'zh' | 'en';
  title: string;
  /** The drill's name under the title. */
  subtitle: string;
  /** The header's fields (组织单位, 演练类型, 总时长, 编制/审核/批准, 版本…). */
  meta: Array<[string, string]>;
  sections: FormSection[];
  orientation: 'portrait' | 'landscape';
  /**
   * The sheet starts with the table's header row (no title rows above it), so that the filled
   * sheet saved as CSV reads back (the record sheet).
   */
  sheetHeaderFirst?: boolean;
  /** A line at the foot (e.g. that the log is illustrative, or the prediction's seeds). */
  note?: string;
}

/** "label：" in Chinese, "label: " in English. */
export function labelled(form: Pick<FormDoc, 'language'>, label: string): string {
  return form.language === 'zh' ? `${label}：` : `${label}: `;
}

/** The file name of a form's export: the drill's name and the form's title, safe for any disk. */
export function formFileName(form: FormDoc, extension: 'docx' | 'xlsx'): string {
  const base = `${form.subtitle}-${form.title}`.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${base || form.id}.${extension}`;
}
