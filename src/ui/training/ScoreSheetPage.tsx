/**
 * The score sheet (接警调度员考核表, columns from drills.md §7): per call and overall, against
 * the reference dispatcher on the same calls; the deductions with their reasons; the three
 * costliest decisions with what each cost by re-simulation. Prints on A4 (landscape) in the
 * page's language.
 */
import type { CallScore, ScoreSheet } from '../../training/api.ts';
import { localeOf, useLanguage, useStrings, type Language } from '../i18n.ts';
import { downloadText } from '../library/files.ts';
import { makeClock, minutesText } from '../replay/format.ts';
import { trainingStrings, type TrainingStrings } from './strings.ts';
import type { Shown } from './TrainingView.tsx';
import type { NextExercise } from './useSeat.ts';

export function ScoreSheetPage({
  shown,
  onDebrief,
  next,
  busy,
}: {
  shown: Shown | null;
  onDebrief(): void;
  /** The course's next exercise, if this one came from a course. */
  next: NextExercise | null;
  busy: boolean;
}) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  if (!shown) {
    return (
      <section className="card">
        <p className="placeholder" data-testid="score-empty">
          {t.noScore}
        </p>
      </section>
    );
  }
  const { sheet, file } = shown;
  const text = shown.text;
  return (
    <div className="score-page">
      <div className="score-actions training-row">
        <button type="button" className="primary" data-testid="score-print" onClick={printSheet}>
          {t.print}
        </button>
        <button
          type="button"
          data-testid="score-export"
          disabled={text === null}
          onClick={() =>
            text &&
            downloadText(
              `session-${file.exercise.id}-${file.trainee.id || file.trainee.name || 'trainee'}-seed${file.seed}.json`,
              text,
            )
          }
        >
          {t.exportSession}
        </button>
        <button type="button" data-testid="score-debrief" onClick={onDebrief}>
          {t.takeDebrief}
        </button>
        {next && shown.journal && (
          <button
            type="button"
            data-testid="score-next-exercise"
            disabled={busy}
            onClick={() => void next.start()}
          >
            {t.nextInCourse(next.title[language] || next.title.zh)}
          </button>
        )}
      </div>
      <ScoreSheetView sheet={sheet} start={shown.start} />
    </div>
  );
}

/** Prints the sheet alone, A4 landscape (see training.css). */
function printSheet() {
  const root = document.documentElement;
  root.classList.add('printing-training');
  const done = () => {
    root.classList.remove('printing-training');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

export function ScoreSheetView({ sheet, start }: { sheet: ScoreSheet; start: string }) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  const locale = localeOf(language);
  const clock = makeClock(start, locale);
  const number = (value: number, digits = 1) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  const share = (value: number | null) => (value === null ? t.none : `${number(value * 100, 0)}%`);
  const mins = (value: number | null) =>
    value === null ? t.none : `${minutesText(value, locale)} ${t.minutesUnit}`;
  const o = sheet.overall;
  const rows: Array<[string, string, string]> = [
    [t.overallRows.calls, String(o.calls), String(o.calls)],
    [t.overallRows.answeredInTime, share(o.answeredInTimeShare), t.none],
    [
      t.overallRows.dispatchedInTime,
      share(o.dispatchedInTimeShare),
      share(o.referenceDispatchedInTimeShare),
    ],
    [t.overallRows.meanDispatch, mins(o.meanDispatchSeconds), mins(o.referenceMeanDispatchSeconds)],
    [t.overallRows.triage, share(o.triageCorrectShare), t.none],
    [t.overallRows.capability, share(o.capabilityRightShare), t.none],
    [t.overallRows.meanResponse, mins(o.meanResponseSeconds), mins(o.referenceMeanResponseSeconds)],
    [t.overallRows.withinTarget, String(o.withinTarget), String(o.referenceWithinTarget)],
    [t.overallRows.unserved, String(o.unserved), String(o.referenceUnserved)],
    [t.overallRows.coverage, String(o.coverageLost), String(o.referenceCoverageLost)],
  ];
  // Only a decision that cost something is a "costly" one; the others that differ are listed apart.
  const costliest = sheet.costs.filter((cost) => cost.cost > 0).slice(0, 3);
  const costFree = sheet.costs.filter((cost) => cost.cost <= 0);
  return (
    <article className="card score-sheet" data-testid="score-sheet" data-score={sheet.score}>
      <header className="score-header">
        <h2>{t.scoreHeading}</h2>
        <dl>
          <div>
            <dt>{t.headerExercise}</dt>
            <dd>{sheet.exercise.title[language] || sheet.exercise.title.zh}</dd>
          </div>
          <div>
            <dt>{t.headerLevel}</dt>
            <dd>{t.level[sheet.exercise.level]}</dd>
          </div>
          <div>
            <dt>{t.headerTrainee}</dt>
            <dd>{[sheet.trainee.name, sheet.trainee.id].filter(Boolean).join(' · ') || t.none}</dd>
          </div>
          <div>
            <dt>{t.headerSeed}</dt>
            <dd>{sheet.seed}</dd>
          </div>
          <div className="score-total">
            <dt>{t.headerScore}</dt>
            <dd data-testid="score-total">
              {t.scoreOf(number(sheet.score), number(sheet.fullMarks))}
            </dd>
          </div>
        </dl>
      </header>

      <section className="score-costs" aria-labelledby="score-costs-heading">
        <h3 id="score-costs-heading">{t.costHeading}</h3>
        {costliest.length === 0 && costFree.length === 0 ? (
          <p className="hint" data-testid="score-no-costs">
            {t.noCosts}
          </p>
        ) : (
          <ol data-testid="score-costs">
            {costliest.map((cost) => (
              <li key={cost.decision} data-testid="score-cost">
                <strong>{cost.explanation[language]}</strong>
              </li>
            ))}
          </ol>
        )}
        {costFree.length > 0 && (
          <div className="hint" data-testid="score-cost-free">
            <p>{t.costFree}</p>
            <ul>
              {costFree.map((cost) => (
                <li key={cost.decision}>{cost.explanation[language]}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section aria-labelledby="score-overall-heading">
        <h3 id="score-overall-heading">{t.overallHeading}</h3>
        <table className="score-overall" data-testid="score-overall">
          <thead>
            <tr>
              <th />
              <th>{t.trainee}</th>
              <th>{t.reference}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, trainee, reference]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{trainee}</td>
                <td>{reference}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <table className="score-calls" data-testid="score-calls">
        <thead>
          <tr>
            <th>{t.columns.subject}</th>
            <th>{t.columns.number}</th>
            <th>{t.columns.answer}</th>
            <th>{t.columns.facts}</th>
            <th>{t.columns.triage}</th>
            <th>{t.columns.plan}</th>
            <th>{t.columns.dispatchTime}</th>
            <th>{t.columns.linkage}</th>
            <th>{t.columns.difference}</th>
            <th>{t.columns.outcome}</th>
            <th>{t.columns.points}</th>
            <th>{t.columns.reasons}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.calls.map((call) => (
            <CallRow key={call.call} call={call} t={t} language={language} clock={clock} />
          ))}
        </tbody>
      </table>

      <section aria-labelledby="score-deductions-heading">
        <h3 id="score-deductions-heading">{t.deductionsHeading}</h3>
        {sheet.deductions.length === 0 ? (
          <p className="hint">{t.noDeductions}</p>
        ) : (
          <ul className="score-deductions" data-testid="score-deductions">
            {sheet.deductions.map((deduction, i) => (
              <li key={i}>
                <span className="score-points">{t.pointsValue(number(deduction.points))}</span>{' '}
                {deduction.reason[language]}
              </li>
            ))}
          </ul>
        )}
      </section>
      <footer className="score-footer">
        <span>{t.printedOn(new Date().toLocaleDateString(locale))}</span>
        <span>{t.signature}</span>
      </footer>
    </article>
  );
}

function CallRow({
  call,
  t,
  language,
  clock,
}: {
  call: CallScore;
  t: TrainingStrings;
  language: Language;
  clock: ReturnType<typeof makeClock>;
}) {
  const locale = localeOf(language);
  const judged = call.triage.judged;
  const truth = call.truth;
  const severity = (n: number | null) => (n === null ? t.none : (t.severityNames[n - 1] ?? t.none));
  const kindText = !judged
    ? t.notJudged
    : judged.kind === null
      ? t.none
      : judged.kind === truth.kind
        ? t.kindRight
        : t.kindWrong;
  const points = call.deductions.reduce((sum, d) => sum + d.points, 0);
  const differences = call.slots.filter((s) => s.trainee?.unit !== s.reference?.unit);
  const linkage = call.procedure.linkage;
  const outcome = call.outcome;
  return (
    <tr data-testid="score-call" data-call={call.call} data-triage={call.triage.correct}>
      <td>{truth.kindLabel[language]}</td>
      <td>{call.call + 1}</td>
      <td>
        {call.answerSeconds === null
          ? t.notPickedUp
          : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(call.answerSeconds)}
      </td>
      <td data-testid="score-given">
        <div>
          {t.scoreGivenPlace(
            call.given.district?.[language] ?? null,
            call.given.landmark?.[language] ?? null,
            call.given.districtRight,
          )}
        </div>
        <div>{t.scoreGivenPeople(call.given.people?.[language] ?? null)}</div>
        <div>{judged ? t.factsValue(kindText, severity(judged.severity)) : t.notJudged}</div>
      </td>
      <td className={call.triage.correct ? 'score-right' : 'score-wrong'}>
        {!judged
          ? t.notJudged
          : call.triage.correct
            ? t.triageRight
            : t.triageWrong(
                call.triage.wrong.map((w) => w[language]).join(language === 'zh' ? '；' : '; '),
              )}
      </td>
      <td>
        {call.slots.length === 0
          ? t.none
          : call.slots.map((slot) => (
              <div key={slot.slot}>
                {slot.capability[language]}：
                {slot.trainee ? slot.trainee.label[language] : t.leftOpen}
              </div>
            ))}
      </td>
      <td>
        {call.dispatchSeconds === null
          ? t.none
          : `${clock.short(call.time + call.dispatchSeconds).text}（+${minutesText(call.dispatchSeconds, locale)}）`}
      </td>
      <td>
        {linkage === null
          ? t.none
          : t.linkageValue(linkage.notified.length, linkage.needed.length, linkage.pathRight)}
      </td>
      <td>
        {differences.length === 0
          ? t.sameAsReference
          : differences.map((slot) => (
              <div key={slot.slot}>
                {t.referenceChose}：{slot.reference ? slot.reference.label[language] : t.leftOpen}
              </div>
            ))}
      </td>
      <td>
        {outcome.unserved
          ? t.unservedValue
          : outcome.responseSeconds === null
            ? t.none
            : t.responseValue(
                minutesText(outcome.responseSeconds, locale),
                minutesText(outcome.referenceResponseSeconds ?? NaN, locale),
              ) +
              (outcome.withinTarget === null
                ? ''
                : ` · ${outcome.withinTarget ? t.withinTargetYes : t.withinTargetNo}`)}
        {call.coverage.uncovered.length > 0 && (
          <div className="score-wrong">
            {t.uncovered(
              call.coverage.uncovered.map((u) => u[language]).join(language === 'zh' ? '、' : ', '),
            )}
          </div>
        )}
      </td>
      <td className="score-points">
        {points > 0
          ? t.pointsValue(
              new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(points),
            )
          : '0'}
      </td>
      <td>
        {call.deductions.map((d, i) => (
          <div key={i}>{d.reason[language]}</div>
        ))}
      </td>
    </tr>
  );
}
