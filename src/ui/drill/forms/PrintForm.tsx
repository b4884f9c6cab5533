/** A form (FormDoc) drawn as an A4 sheet: on screen as a page, on paper as the page itself. */
import { labelled, printedTable, type FormDoc, type FormTable } from './formModel.ts';

export function PrintForm({ form }: { form: FormDoc }) {
  return (
    <article
      className={`drill-print-sheet ${form.orientation}`}
      data-testid="print-sheet"
      data-form={form.id}
    >
      <h1>{form.title}</h1>
      <p className="form-subtitle">{form.subtitle}</p>
      <dl className="form-meta">
        {form.meta.map(([label, value]) => (
          <div key={label}>
            <dt style={{ display: 'inline' }}>{labelled(form, label)}</dt>
            <dd style={{ display: 'inline', margin: 0 }}>{value}</dd>
          </div>
        ))}
      </dl>
      {form.sections.map((section, index) => (
        <section key={index}>
          {section.heading && <h2>{section.heading}</h2>}
          {section.paragraphs?.map((text, i) => (
            <p key={i}>{text}</p>
          ))}
          {section.fields?.map(([label, value]) => (
            <p key={label}>
              <strong>{labelled(form, label)}</strong>
              {value}
            </p>
          ))}
          {section.table && <FormTableView table={printedTable(section.table)} />}
        </section>
      ))}
      {form.note && <p className="form-note">{form.note}</p>}
    </article>
  );
}

function FormTableView({ table }: { table: FormTable }) {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0) || 1;
  return (
    <table>
      <colgroup>
        {table.columns.map((column, i) => (
          <col key={i} style={{ width: `${(100 * column.width) / total}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {table.columns.map((column, i) => (
            <th key={i}>{column.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r} data-testid="form-row">
            {table.columns.map((_, i) => (
              <td key={i}>{row[i] ?? ''}</td>
            ))}
          </tr>
        ))}
        {Array.from({ length: table.blankRows ?? 0 }, (_, r) => (
          <tr key={`blank-${r}`} className="blank">
            {table.columns.map((_, i) => (
              <td key={i} />
            ))}
          </tr>
        ))}
      </tbody>
      {table.footer && (
        <tfoot>
          <tr>
            {table.columns.map((_, i) => (
              <td key={i}>{table.footer![i] ?? ''}</td>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
