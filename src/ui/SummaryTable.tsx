/**
 * The readiness figures of a report: each a mean across replications with its 95% confidence
 * interval, read from `report.aggregate` by path (e.g. `response.overall.median`).
 */
import type { Estimate, Report } from '../sim/metrics.ts';
import type { UiStrings } from './i18n.ts';

type Measure = 'count' | 'minutes' | 'share';

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

const COMPLIANCE_PATH = /^arrivalCompliance\.tier(\d+)\/(\w+)\.withinTarget$/;
const UTILISATION_TIER_PATH = /^utilisation\.byTier\.(\w+)$/;

function groups(aggregate: Report['aggregate'], t: UiStrings): Group[] {
  const paths = Object.keys(aggregate);
  const compliance: Row[] = paths
    .flatMap((path) => {
      const match = COMPLIANCE_PATH.exec(path);
      return match ? [{ path, tier: Number(match[1]), area: match[2] }] : [];
    })
    // By tier, urban before rural, as the arrival targets are listed.
    .sort((a, b) => a.tier - b.tier || Number(a.area !== 'urban') - Number(b.area !== 'urban'))
    .map(({ path, tier, area }) => ({
      testId: `compliance-tier${tier}-${area}`,
      label: t.complianceRow(t.tier(String(tier)), t.area(area)),
      path,
      measure: 'share',
    }));
  const utilisationByTier = paths.flatMap((path): Row[] => {
    const match = UTILISATION_TIER_PATH.exec(path);
    if (!match) return [];
    const tier = match[1];
    return [
      {
        testId: `utilisation-tier-${tier}`,
        label: t.utilisationTier(t.tier(tier)),
        path,
        measure: 'share',
      },
    ];
  });
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
          testId: 'response-withinTarget',
          label: t.responseWithinTarget,
          path: 'response.overall.withinTarget',
          measure: 'share',
        },
      ],
    },
    { testId: 'compliance', title: t.groupCompliance, rows: compliance },
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
          testId: 'meanQueueWait',
          label: t.meanQueueWait,
          path: 'meanQueueWait',
          measure: 'minutes',
        },
        { testId: 'overflowed', label: t.overflowed, path: 'overflowed', measure: 'count' },
        { testId: 'unanswered', label: t.unanswered, path: 'unanswered', measure: 'count' },
        { testId: 'open-at-end', label: t.openAtEnd, path: 'openAtEnd', measure: 'count' },
      ],
    },
  ];
  return all.filter((group) => group.rows.length > 0);
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

const FRACTION_DIGITS: Record<Measure, number> = { count: 1, minutes: 2, share: 1 };

function unitOf(measure: Measure, t: UiStrings): string {
  if (measure === 'minutes') return t.minutes;
  if (measure === 'share') return t.percent;
  return t.perRun;
}

export function SummaryTable({ report, t }: { report: Report; t: UiStrings }) {
  const format = (value: number, measure: Measure) => {
    if (!Number.isFinite(value)) return '—';
    const digits = FRACTION_DIGITS[measure];
    return new Intl.NumberFormat(t.htmlLang, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(displayed(value, measure));
  };
  const seeds = report.seeds;
  return (
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
      {groups(report.aggregate, t).map((group) => (
        <tbody key={group.testId} data-testid={`group-${group.testId}`}>
          <tr className="group">
            <th scope="colgroup" colSpan={4}>
              {group.title}
            </th>
          </tr>
          {group.rows.map((row) => {
            const estimate: Estimate | undefined = report.aggregate[row.path];
            const mean = estimate?.mean ?? NaN;
            const hasInterval =
              estimate !== undefined &&
              Number.isFinite(estimate.low) &&
              Number.isFinite(estimate.high);
            return (
              <tr key={row.testId} data-testid={`row-${row.testId}`}>
                <th scope="row">{row.label}</th>
                <td className="number" data-testid="mean" data-value={mean}>
                  {format(mean, row.measure)}
                </td>
                <td
                  className="number interval"
                  data-testid="interval"
                  title={hasInterval ? undefined : t.needsTwo}
                >
                  {hasInterval
                    ? `${format(possible(estimate.low, row.measure), row.measure)} – ${format(
                        possible(estimate.high, row.measure),
                        row.measure,
                      )}`
                    : '—'}
                </td>
                <td className="unit">{unitOf(row.measure, t)}</td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
  );
}
