/**
 * A class (班级成绩): the trainer imports the trainees' session files (each replayed in the
 * worker: an edited or mismatched file is refused with the reason), sees the class table —
 * scores, time to dispatch, the costliest mistakes, progress across exercises and levels —
 * opens each trainee's score sheet to print it, and exports the table as CSV for Excel and WPS.
 */
import { useEffect, useState } from 'react';
import type { ClassTable, ScoreSheet, SessionFile } from '../../training/api.ts';
import { callWorker } from '../../worker/client.ts';
import type { SessionImported } from '../../worker/trainingApi.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { downloadText } from '../library/files.ts';
import { minutesText } from '../replay/format.ts';
import { trainingStrings } from './strings.ts';
import type { Shown } from './TrainingView.tsx';

export interface ClassEntry {
  name: string;
  file: SessionFile;
  sheet: ScoreSheet;
  start: string;
}

export function ClassPage({
  entries,
  onEntries,
  own,
  onOpen,
}: {
  entries: ClassEntry[];
  onEntries(entries: ClassEntry[]): void;
  own: Shown | null;
  onOpen(entry: ClassEntry): void;
}) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  const locale = localeOf(language);
  const [messages, setMessages] = useState<{ ok: string | null; rejected: string[][] }>({
    ok: null,
    rejected: [],
  });
  const [made, setMade] = useState<{
    of: ClassEntry[];
    language: string;
    table: ClassTable;
    csv: string;
  } | null>(null);
  const [busy, setBusy] = useState(false);

  // The table follows the entries and the language (the CSV's headers are the page's).
  useEffect(() => {
    if (entries.length === 0) return;
    let wanted = true;
    void callWorker((worker) =>
      worker.trainingClass(
        entries.map((entry) => entry.sheet),
        language,
      ),
    ).then((result) => wanted && setMade({ of: entries, language, ...result }));
    return () => {
      wanted = false;
    };
  }, [entries, language]);
  const table = made && made.of === entries && made.language === language ? made : null;

  const importFiles = async (files: File[]) => {
    setBusy(true);
    const accepted: ClassEntry[] = [];
    const rejected: string[][] = [];
    for (const file of files) {
      let data: unknown;
      try {
        data = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
      } catch (error) {
        rejected.push([
          t.rejected(file.name),
          error instanceof Error ? error.message : String(error),
        ]);
        continue;
      }
      const imported = await callWorker<SessionImported>((worker) =>
        worker.trainingImportSession(data, language),
      );
      if (!imported.ok) {
        rejected.push([
          t.rejected(file.name),
          ...imported.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)),
        ]);
        continue;
      }
      accepted.push({
        name: file.name,
        file: imported.file,
        sheet: imported.sheet,
        start: imported.start,
      });
    }
    setMessages({ ok: accepted.length > 0 ? t.accepted(accepted.length) : null, rejected });
    onEntries([...entries, ...accepted]);
    setBusy(false);
  };

  const rows = table?.table.rows ?? [];
  return (
    <div className="training-class" data-testid="training-class">
      <section className="card">
        <h2>{t.classHeading}</h2>
        <p className="hint">{t.classIntro}</p>
        <div className="training-row">
          <label className="training-file primary">
            {busy ? '…' : t.importSessions}
            <input
              type="file"
              multiple
              accept=".json,application/json"
              data-testid="class-import"
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                if (files.length > 0) void importFiles(files);
              }}
            />
          </label>
          {own && (
            <button
              type="button"
              data-testid="class-add-own"
              onClick={() =>
                onEntries([
                  ...entries,
                  { name: '', file: own.file, sheet: own.sheet, start: own.start },
                ])
              }
            >
              {t.addOwnResult}
            </button>
          )}
          <button
            type="button"
            data-testid="class-csv"
            disabled={!table}
            onClick={() => table && downloadText('class.csv', table.csv, 'text/csv;charset=utf-8')}
          >
            {t.exportCsv}
          </button>
          <button type="button" disabled={entries.length === 0} onClick={() => onEntries([])}>
            {t.clearClass}
          </button>
        </div>
        {messages.ok && (
          <p className="hint" role="status" data-testid="class-accepted">
            {messages.ok}
          </p>
        )}
        {messages.rejected.map((lines, i) => (
          <div key={i} className="problems" role="alert" data-testid="class-rejected">
            {lines.map((line, k) => (
              <div key={k}>{line}</div>
            ))}
          </div>
        ))}
      </section>

      <section className="card">
        {rows.length === 0 ? (
          <p
            className="placeholder"
            data-testid={entries.length === 0 ? 'class-empty' : 'class-busy'}
            aria-busy={entries.length > 0}
          >
            {entries.length === 0 ? t.classEmpty : '…'}
          </p>
        ) : (
          <table className="training-table class-table" data-testid="class-table">
            <thead>
              <tr>
                <th>{t.classColumns.trainee}</th>
                <th>{t.classColumns.exercise}</th>
                <th>{t.classColumns.level}</th>
                <th>{t.classColumns.seed}</th>
                <th>{t.classColumns.score}</th>
                <th>{t.classColumns.dispatch}</th>
                <th>{t.classColumns.inTime}</th>
                <th>{t.classColumns.costliest}</th>
                <th>{t.classColumns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const entry = entries.find(
                  (e) =>
                    e.sheet.trainee.id === row.trainee.id &&
                    e.sheet.trainee.name === row.trainee.name &&
                    e.sheet.exercise.id === row.exercise.id &&
                    e.sheet.seed === row.seed,
                );
                return (
                  <tr key={i} data-testid="class-row">
                    <td>
                      {[row.trainee.name, row.trainee.id].filter(Boolean).join(' · ') || t.none}
                    </td>
                    <td>{row.exercise.title[language] || row.exercise.title.zh}</td>
                    <td>{t.level[row.exercise.level]}</td>
                    <td>{row.seed}</td>
                    <td data-testid="class-score">
                      {row.score} / {row.fullMarks}
                    </td>
                    <td>
                      {row.meanDispatchSeconds === null
                        ? t.none
                        : `${minutesText(row.meanDispatchSeconds, locale)} ${t.minutesUnit}`}
                    </td>
                    <td>
                      {row.dispatchedInTimeShare === null
                        ? t.none
                        : `${Math.round(row.dispatchedInTimeShare * 100)}%`}
                    </td>
                    <td>
                      {row.costliest.length === 0 ? (
                        t.none
                      ) : (
                        <ol className="class-costs">
                          {row.costliest.map((cost, k) => (
                            <li key={k}>{cost[language]}</li>
                          ))}
                        </ol>
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        data-testid="class-open"
                        disabled={!entry}
                        onClick={() => entry && onOpen(entry)}
                      >
                        {t.openSheet}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {table && table.table.progress.length > 0 && (
          <>
            <h3>{t.progressHeading}</h3>
            <table className="training-table class-progress" data-testid="class-progress">
              <tbody>
                {table.table.progress.map((trainee, i) => (
                  <tr key={i}>
                    <th scope="row">
                      {[trainee.trainee.name, trainee.trainee.id].filter(Boolean).join(' · ') ||
                        t.none}
                    </th>
                    {trainee.steps.map((step, k) => {
                      const exercise = rows.find((r) => r.exercise.id === step.exercise)?.exercise;
                      return (
                        <td key={k}>
                          {exercise ? exercise.title[language] || exercise.title.zh : ''}
                          <div className="hint">
                            {t.level[step.level]} · {step.score}
                          </div>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}
