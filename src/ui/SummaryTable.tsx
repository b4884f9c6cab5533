/**
 * The readiness figures of a report: each a mean across replications with its 95% confidence
 * interval, read from `report.aggregate` by path (e.g. `response.overall.median`), the parts of
 * a breakdown found through `report.figures`. Below the table, the assessment by partner agency
 * (考核), folded away: a city has a score of agencies, named as the report's scenario names them.
 */
import { breakdownMembers } from '../sim/analysis/figures.ts';
import type { Estimate, Report } from '../sim/analysis/report.ts';
import type { UiStrings } from './i18n.ts';
import { reportNames, TIER_ONE_PATH } from './reportFigures.ts';

type Measure = 'count' | 'minutes' | 'share' | 'average';

interface Row {
  testId: string;
  label: string;
  path: string;
  measure: Measure;
}

interface Group {
  testId: string;
  title: string;
  rows: Row[];
}

/** Causes of a wait before an order reaches a unit, in the order of rules 6 and 8. */
const APPROVAL_CAUSES = [
  'fireRescueApproval',
  'seasonalApproval',
  'militaryApproval',
  'directRequest',
] as const;

function groups(figures: Report['figures'], t: UiStrings): Group[] {
  const compliance: Row[] = breakdownMembers(
    figures,
    'arrivalCompliance',
    'tierArea',
    'withinTarget',
  )
    .flatMap(({ path, breakdown }) =>
      breakdown.group === 'tierArea' ? [{ path, tier: breakdown.tier, area: breakdown.area }] : [],
    )
    // By tier, urban before rural, as the arrival targets are listed.
    .sort((a, b) => a.tier - b.tier || Number(a.area !== 'urban') - Number(b.area !== 'urban'))
    .map(({ path, tier, area }) => ({
      testId: `compliance-tier${tier}-${area}`,
      label: t.complianceRow(t.tier(String(tier)), t.area(area)),
      path,
      measure: 'share',
    }));
  const utilisationByTier = breakdownMembers(figures, 'utilisation', 'tier').map(
    ({ path, key: tier }): Row => ({
      testId: `utilisation-tier-${tier}`,
      label: t.utilisationTier(t.tier(tier)),
      path,
      measure: 'share',
    }),
  );
  const approvals = breakdownMembers(figures, 'approvals', 'cause', 'mean')
    .map(({ path, key: cause }) => ({ path, cause }))
    // Causes this page does not know yet go last, under their own names.
    .sort((a, b) => causeRank(a.cause) - causeRank(b.cause))
    .map(({ path, cause }): Row => ({
      testId: `approval-${cause}`,
      label: t.approvalCause(cause),
      path,
      measure: 'minutes',
    }));
  const all: Group[] = [
    {
      testId: 'demand',
      title: t.groupDemand,
      rows: [
        { testId: 'calls', label: t.calls, path: 'calls', measure: 'count' },
        { testId: 'sentTo12345', label: t.sentTo12345, path: 'sentTo12345', measure: 'count' },
      ],
    },
    {
      testId: 'response',
      title: t.groupResponse,
      rows: [
        {
          testId: 'response-mean',
          label: t.responseMean,
          path: 'response.overall.mean',
          measure: 'minutes',
        },
        {
          testId: 'response-median',
          label: t.responseMedian,
          path: 'response.overall.median',
          measure: 'minutes',
        },
        {
          testId: 'response-p90',
          label: t.responseP90,
          path: 'response.overall.p90',
          measure: 'minutes',
        },
        {
          testId: 'tier-one',
          label: t.tierOneFigure,
          path: TIER_ONE_PATH,
          measure: 'share',
        },
      ],
    },
    { testId: 'compliance', title: t.groupCompliance, rows: compliance },
    { testId: 'approvals', title: t.groupApprovals, rows: approvals },
    {
      testId: 'utilisation',
      title: t.groupUtilisation,
      rows: [
        {
          testId: 'utilisation-overall',
          label: t.utilisationOverall,
          path: 'utilisation.overall',
          measure: 'share',
        },
        ...utilisationByTier,
      ],
    },
    {
      testId: 'queue',
      title: t.groupQueue,
      rows: [
        {
          testId: 'waitProbability',
          label: t.waitProbability,
          path: 'waitProbability',
          measure: 'share',
        },
        {
          testId: 'allUnitsBusy',
          label: t.allUnitsBusy,
          path: 'allUnitsBusy.overall',
          measure: 'share',
        },
        {
          testId: 'meanQueueWait',
          label: t.meanQueueWait,
          path: 'meanQueueWait',
          measure: 'minutes',
        },
        {
          testId: 'meanQueueLength',
          label: t.meanQueueLength,
          path: 'meanQueueLength',
          measure: 'average',
        },
        {
          testId: 'meanInSystem',
          label: t.meanInSystem,
          path: 'meanInSystem',
          measure: 'average',
        },
        { testId: 'overflowed', label: t.overflowed, path: 'overflowed', measure: 'count' },
        { testId: 'unanswered', label: t.unanswered, path: 'unanswered', measure: 'count' },
        { testId: 'open-at-end', label: t.openAtEnd, path: 'openAtEnd', measure: 'count' },
      ],
    },
  ];
  return all.filter((group) => group.rows.length > 0);
}

function causeRank(cause: string): number {
  const rank = (APPROVAL_CAUSES as readonly string[]).indexOf(cause);
  return rank < 0 ? APPROVAL_CAUSES.length : rank;
}

/** Figures are kept in seconds and shares; people read minutes and percentages. */
function displayed(value: number, measure: Measure): number {
  if (measure === 'minutes') return value / 60;
  if (measure === 'share') return value * 100;
  return value;
}

/**
 * The t-interval is symmetric and can reach past what a figure can be (a negative count, a share
 * above 100%) when replications vary a lot; it is shown cut to the possible range.
 */
function possible(value: number, measure: Measure): number {
  const atLeastZero = Math.max(0, value);
  return measure === 'share' ? Math.min(1, atLeastZero) : atLeastZero;
}

const FRACTION_DIGITS: Record<Measure, number> = { count: 1, minutes: 2, share: 1, average: 2 };

function unitOf(measure: Measure, t: UiStrings): string {
  if (measure === 'minutes') return t.minutes;
  if (measure === 'share') return t.percent;
  if (measure === 'average') return t.timeAverage;
  return t.perRun;
}

type Format = (value: number, measure: Measure) => string;

function formatter(t: UiStrings): Format {
  return (value, measure) => {
    if (!Number.isFinite(value)) return '—';
    const digits = FRACTION_DIGITS[measure];
    return new Intl.NumberFormat(t.htmlLang, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(displayed(value, measure));
  };
}

/** "low – high", or null when the interval is unknown (fewer than 2 replications). */
function intervalText(
  estimate: Estimate | undefined,
  measure: Measure,
  format: Format,
): string | null {
  if (!estimate || !Number.isFinite(estimate.low) || !Number.isFinite(estimate.high)) return null;
  const low = format(possible(estimate.low, measure), measure);
  const high = format(possible(estimate.high, measure), measure);
  return `${low} – ${high}`;
}

export function SummaryTable({ report, t }: { report: Report; t: UiStrings }) {
  const format = formatter(t);
  const seeds = report.seeds;
  return (
    <>
      <table className="summary" data-testid="summary-table" lang={t.htmlLang}>
        <caption>{t.resultsCaption(seeds.length, seeds[0], seeds[seeds.length - 1])}</caption>
        <thead>
          <tr>
            <th scope="col">{t.figure}</th>
            <th scope="col" className="number">
              {t.mean}
            </th>
            <th scope="col" className="number">
              {t.interval}
            </th>
            <th scope="col">{t.unit}</th>
          </tr>
        </thead>
        {groups(report.figures, t).map((group) => (
          <tbody key={group.testId} data-testid={`group-${group.testId}`}>
            <tr className="group">
              <th scope="colgroup" colSpan={4}>
                {group.title}
              </th>
            </tr>
            {group.rows.map((row) => {
              const estimate: Estimate | undefined = report.aggregate[row.path];
              const mean = estimate?.mean ?? NaN;
              const interval = intervalText(estimate, row.measure, format);
              return (
                <tr key={row.testId} data-testid={`row-${row.testId}`}>
                  <th scope="row">{row.label}</th>
                  <td className="number" data-testid="mean" data-value={String(mean)}>
                    {format(mean, row.measure)}
                  </td>
                  <td
                    className="number interval"
                    data-testid="interval"
                    title={interval === null ? t.needsTwo : undefined}
                  >
                    {interval ?? '—'}
                  </td>
                  <td className="unit">{unitOf(row.measure, t)}</td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
      <AssessmentTable report={report} format={format} t={t} />
    </>
  );
}

// -----------------------------------------------------------------------------------------------
// Assessment by agency (考核, rule 14): one row per agency, one column per figure

const ASSESSMENT_FIGURES = [
  'dispatches',
  'deductions',
  'lateArrivals',
  'lateReports',
  'missingReports',
  'unsatisfiedCallBacks',
] as const;
type AssessmentFigure = (typeof ASSESSMENT_FIGURES)[number];

function isAssessmentFigure(stat: string | undefined): stat is AssessmentFigure {
  return (ASSESSMENT_FIGURES as readonly (string | undefined)[]).includes(stat);
}

interface AgencyRow {
  agency: string;
  figures: Partial<Record<AssessmentFigure, Estimate>>;
}

/**
 * Agencies that were dispatched or lost points, most points deducted first (as a bulletin, 通报,
 * lists them); the others would only add rows of zeros.
 */
function agencyRows(report: Report): AgencyRow[] {
  const byAgency = new Map<string, AgencyRow>();
  for (const [path, { figure, breakdown, stat }] of Object.entries(report.figures)) {
    if (figure !== 'assessment' || breakdown?.group !== 'agency' || !isAssessmentFigure(stat)) {
      continue;
    }
    const agency = breakdown.key;
    let row = byAgency.get(agency);
    if (!row) byAgency.set(agency, (row = { agency, figures: {} }));
    row.figures[stat] = report.aggregate[path];
  }
  return [...byAgency.values()]
    .filter((row) => ASSESSMENT_FIGURES.some((figure) => meanOf(row, figure) > 0))
    .sort((a, b) => meanOf(b, 'deductions') - meanOf(a, 'deductions'));
}

function meanOf(row: AgencyRow, figure: AssessmentFigure): number {
  return row.figures[figure]?.mean ?? 0;
}

/** Dispatches and deductions always; the causes of deductions where some agency has any. */
function shownFigures(rows: AgencyRow[]): AssessmentFigure[] {
  return ASSESSMENT_FIGURES.filter(
    (figure) =>
      figure === 'dispatches' ||
      figure === 'deductions' ||
      rows.some((row) => meanOf(row, figure) > 0),
  );
}

function AssessmentTable({ report, format, t }: { report: Report; format: Format; t: UiStrings }) {
  const rows = agencyRows(report);
  const agencies = reportNames(report).agencies;
  if (rows.length === 0) return null;
  const figures = shownFigures(rows);
  const zeroFigures = ASSESSMENT_FIGURES.filter((figure) => !figures.includes(figure));
  // The mean of a sum is the sum of the means.
  const totalDeductions = rows.reduce((sum, row) => sum + (row.figures.deductions?.mean ?? 0), 0);
  return (
    <details className="assessment" data-testid="assessment" lang={t.htmlLang}>
      <summary>
        <span className="assessment-title">{t.groupAssessment}</span>
        <span className="assessment-total" data-testid="assessment-total">
          {t.assessmentTotal(format(totalDeductions, 'count'), rows.length)}
        </span>
      </summary>
      <table className="summary assessment-table">
        <thead>
          <tr>
            <th scope="col">{t.agency}</th>
            {figures.map((figure) => (
              <th key={figure} scope="col" className="number">
                {t.assessmentFigure(figure)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = agencies.get(row.agency)?.name ?? '';
            // Agency names are written in Chinese only: the English page shows the ids.
            const label = t.htmlLang === 'en' || name === '' ? row.agency : name;
            return (
              <tr key={row.agency} data-testid={`assessment-${row.agency}`}>
                <th scope="row" title={name !== label ? name : undefined}>
                  {label}
                </th>
                {figures.map((figure) => {
                  const estimate = row.figures[figure];
                  const mean = estimate?.mean ?? NaN;
                  // No interval under a figure that was the same in every replication.
                  const interval =
                    estimate && estimate.low === estimate.high
                      ? null
                      : intervalText(estimate, 'count', format);
                  return (
                    <td
                      key={figure}
                      className="number"
                      data-testid={figure}
                      data-value={String(mean)}
                    >
                      {format(mean, 'count')}
                      {interval !== null && <span className="cell-interval">{interval}</span>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">{t.assessmentNote}</p>
      {zeroFigures.length > 0 && (
        <p className="hint">
          {t.assessmentZero(zeroFigures.map((figure) => t.assessmentFigure(figure)))}
        </p>
      )}
    </details>
  );
}
