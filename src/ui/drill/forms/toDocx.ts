/**
 * A form as an editable Word document (.docx), made in the page with the `docx` library (loaded
 * only when a document is exported): plans and reports go through 审核/批准 and get edited in
 * WPS or Word, so headings are real headings, tables real tables, on A4 in the form's
 * orientation. Fonts are named (宋体/SimSun, the default of Chinese Word), never embedded.
 * Why docx: the maintained, typed way to write real Word documents (styles, headings, tables
 * with header rows) in the browser; templates (docx-templates) would need a .docx shipped per
 * form and language, and HTML saved as .doc opens in Word but not cleanly in WPS.
 */
import {
  labelled,
  printedTable,
  type FormDoc,
  type FormSection,
  type FormTable,
} from './formModel.ts';

/** A4 in twentieths of a point, and 2 cm margins. */
const A4 = { width: 11906, height: 16838, margin: 1134 };

export async function formToDocx(form: FormDoc): Promise<Blob> {
  const docx = await import('docx');
  const {
    AlignmentType,
    Document,
    HeadingLevel,
    Packer,
    PageOrientation,
    Paragraph,
    Table,
    TableCell,
    TableRow,
    TextRun,
    WidthType,
  } = docx;
  const landscape = form.orientation === 'landscape';
  const contentWidth = (landscape ? A4.height : A4.width) - 2 * A4.margin;

  const paragraph = (text: string, bold = false) =>
    new Paragraph({ children: [new TextRun({ text, bold })] });

  const table = (data: FormTable) => {
    const total = data.columns.reduce((sum, column) => sum + column.width, 0) || 1;
    const widths = data.columns.map((column) => Math.round((contentWidth * column.width) / total));
    const cell = (text: string, index: number, bold = false) =>
      new TableCell({
        width: { size: widths[index], type: WidthType.DXA },
        children: text
          .split('\n')
          .map(
            (line) => new Paragraph({ children: [new TextRun({ text: line, bold, size: 18 })] }),
          ),
      });
    const rows = [
      new TableRow({
        tableHeader: true,
        children: data.columns.map((column, i) => cell(column.label, i, true)),
      }),
      ...data.rows.map(
        (row) => new TableRow({ children: data.columns.map((_, i) => cell(row[i] ?? '', i)) }),
      ),
      ...Array.from(
        { length: data.blankRows ?? 0 },
        () =>
          new TableRow({
            height: { value: 480, rule: 'atLeast' },
            children: data.columns.map((_, i) => cell('', i)),
          }),
      ),
      ...(data.footer
        ? [
            new TableRow({
              children: data.columns.map((_, i) => cell(data.footer![i] ?? '', i, true)),
            }),
          ]
        : []),
    ];
    return new Table({
      width: { size: contentWidth, type: WidthType.DXA },
      columnWidths: widths,
      rows,
    });
  };

  const section = (part: FormSection) => [
    ...(part.heading
      ? [new Paragraph({ text: part.heading, heading: HeadingLevel.HEADING_2 })]
      : []),
    ...(part.paragraphs ?? []).map((text) => paragraph(text)),
    ...(part.fields ?? []).map(
      ([label, value]) =>
        new Paragraph({
          children: [new TextRun({ text: labelled(form, label), bold: true }), new TextRun(value)],
        }),
    ),
    ...(part.table ? [table(printedTable(part.table)), new Paragraph('')] : []),
  ];

  const document = new Document({
    title: `${form.subtitle} ${form.title}`,
    styles: {
      default: {
        document: { run: { font: { ascii: 'Times New Roman', eastAsia: 'SimSun' }, size: 21 } },
        heading1: { run: { size: 36, bold: true }, paragraph: { alignment: AlignmentType.CENTER } },
        heading2: {
          run: { size: 26, bold: true },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin },
          },
        },
        children: [
          new Paragraph({ text: form.title, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: form.subtitle, bold: true, size: 24 })],
          }),
          ...form.meta.map(
            ([label, value]) =>
              new Paragraph({
                children: [
                  new TextRun({ text: labelled(form, label), bold: true }),
                  new TextRun(value),
                ],
              }),
          ),
          ...form.sections.flatMap(section),
          ...(form.note
            ? [
                new Paragraph({
                  children: [new TextRun({ text: form.note, size: 16, italics: true })],
                }),
              ]
            : []),
        ],
      },
    ],
  });
  return Packer.toBlob(document);
}
