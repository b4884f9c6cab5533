/**
 * A finished comparison side by side: for each figure the base and each variant (mean and 95%
 * CI) and the paired difference with its CI, marked where the interval leaves out 0; the
 * headline figure with both its paired and unpaired intervals; the map of where coverage
 * changes; the CSV export.
 */
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import type { PathComparison } from '../../sim/analysis/compare.ts';
import type { Estimate } from '../../sim/analysis/report.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { CityMap } from '../map/CityMap.tsx';
import {
  comparisonCsv,
  coverageChanges,
  recordOf,
  type ComparisonResult,
  type VariantOutcome,
} from './result.ts';
import {
  displayValue,
  figureRows,
  HEADLINE_PATH,
  unitLabel,
  practicallySmall,
  verdictOf,
  type FigureRow,
  type Measure,
} from './rows.ts';
import { compareStrings, type CompareStrings } from './strings.ts';

type RanVariant = Extract<VariantOutcome, { report: unknown }>;

function useFormat() {
  const locale = localeOf(useLanguage());
  const plain = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  });
  const signed = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  return {
    value: (value: number, measure: Measure) =>
      Number.isFinite(value) ? plain.format(displayValue(value, measure)) : '—',
    difference: (value: number, measure: Measure) =>
      Number.isFinite(value) ? signed.format(displayValue(value, measure)) : '—',
  };
}

export function CompareResults({
  result,
  notice,
}: {
  result: ComparisonResult;
  notice?: ReactNode;
}) {
  const t = useStrings(compareStrings);
  const language = useLanguage();
  const ran = result.variants.filter((v): v is RanVariant => 'report' in v);
  const seeds = result.seeds;

  const download = () => {
    const blob = new Blob([comparisonCsv(result, t)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = t.csvFile(result.scenarioId);
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="compare-results" data-testid="compare-results">
      {notice}
      <p className="hint">{t.caption(seeds.length, seeds[0], seeds[seeds.length - 1])}</p>
      <dl className="compare-changes" data-testid="compare-changes">
        {ran.map((variant, i) => (
          <div key={i}>
            <dt>{variant.name}</dt>
            <dd>
              {variant.changes[language].join(language === 'zh' ? '；' : '; ') || t.noChanges}
            </dd>
            {variant.notes[language].map((note, k) => (
              <dd key={k} className="compare-why-nothing" data-testid="variant-note">
                {note}
              </dd>
            ))}
          </div>
        ))}
      </dl>
      {ran.length > 0 && <Headline result={result} variants={ran} />}
      <div className="compare-toolbar">
        <span className="compare-legend compare-better">{t.legendBetter}</span>
        <span className="compare-legend compare-worse">{t.legendWorse}</span>
        <button
          type="button"
          data-testid="compare-export"
          onClick={download}
          disabled={ran.length === 0}
        >
          {t.exportCsv}
        </button>
      </div>
      <ComparisonTable result={result} variants={ran} t={t} />
      {ran.length > 0 && <ChangeMap result={result} variants={ran} />}
    </div>
  );
}

/** The headline figure's difference by its paired and its unpaired interval: what CRN buys. */
function Headline({ result, variants }: { result: ComparisonResult; variants: RanVariant[] }) {
  const t = useStrings(compareStrings);
  const format = useFormat();
  const interval = (e: Estimate | null | undefined) =>
    e && Number.isFinite(e.low)
      ? `[${format.difference(e.low, 'minutes')}, ${format.difference(e.high, 'minutes')}] ${t.minutes} · ${t.width(
          `${format.value(e.high - e.low, 'minutes')} ${t.minutes}`,
        )}`
      : '—';
  if (!result.base.aggregate[HEADLINE_PATH]) return null;
  return (
    <section className="compare-headline" data-testid="compare-headline" aria-label={t.headline}>
      <p className="compare-crn">{t.crnNote}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.headline}</th>
            <th scope="col">{t.difference}</th>
            <th scope="col">{t.pairedInterval}</th>
            <th scope="col">{t.unpairedInterval}</th>
          </tr>
        </thead>
        <tbody>
          {variants.map((variant, i) => {
            const comparison = variant.byPath.get(HEADLINE_PATH);
            return (
              <tr key={i} data-testid={`headline-${i}`}>
                <th scope="row">{variant.name}</th>
                <td>
                  {format.difference(comparison?.paired?.mean ?? NaN, 'minutes')} {t.minutes}
                </td>
                <td data-testid="paired">{interval(comparison?.paired)}</td>
                <td data-testid="unpaired">{interval(comparison?.unpaired)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function ComparisonTable({
  result,
  variants,
  t,
}: {
  result: ComparisonResult;
  variants: RanVariant[];
  t: CompareStrings;
}) {
  const format = useFormat();
  const groups = Object.keys(t.groups) as Array<keyof CompareStrings['groups']>;
  const allRows = useMemo(() => figureRows(result.figures, result.names, t), [result, t]);

  const estimateCell = (e: Estimate | null | undefined, row: FigureRow, testId: string) => (
    <td className="compare-number" data-testid={testId} data-value={e?.mean ?? ''}>
      {e && e.n > 0 ? (
        <>
          <span>{format.value(e.mean, row.measure)}</span>
          {Number.isFinite(e.low) && (
            <small>
              [{format.value(e.low, row.measure)}, {format.value(e.high, row.measure)}]
            </small>
          )}
        </>
      ) : (
        t.noValue
      )}
    </td>
  );

  const differenceCell = (
    comparison: PathComparison | undefined,
    row: FigureRow,
    testId: string,
  ) => {
    const paired = comparison?.paired ?? null;
    const verdict = verdictOf(paired, row.better);
    if (!comparison || !paired || paired.n === 0) {
      const side = !comparison?.base ? t.baseSide : t.variantSide;
      return (
        <td className="compare-number compare-missing" data-testid={testId} data-verdict="missing">
          {comparison && (!comparison.base || !comparison.variant) ? t.missingIn(side) : t.noValue}
        </td>
      );
    }
    const small =
      verdict !== 'none' &&
      practicallySmall(paired.mean, row.measure, comparison.base?.mean ?? NaN);
    const title =
      {
        better: t.better,
        worse: t.worse,
        changed: t.changed,
        none: t.notSignificant,
        missing: '',
      }[verdict] +
      (small
        ? t.smallEffect(
            `${format.difference(paired.mean, row.measure)} ${unitLabel(row.measure, t, true)}`.trim(),
          )
        : '');
    return (
      <td
        className={`compare-number compare-diff compare-${verdict}`}
        data-testid={testId}
        data-mean={paired.mean}
        data-low={paired.low}
        data-high={paired.high}
        data-verdict={verdict}
        data-small={small}
        title={title}
      >
        <span>
          {format.difference(paired.mean, row.measure)}
          {verdict !== 'none' && <span className="visually-hidden"> ({title})</span>}
        </span>
        {Number.isFinite(paired.low) && (
          <small>
            [{format.difference(paired.low, row.measure)},{' '}
            {format.difference(paired.high, row.measure)}]
          </small>
        )}
      </td>
    );
  };

  return (
    <div className="compare-table-wrap">
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t.figure}
            </th>
            <th scope="col" rowSpan={2}>
              {t.baseColumn}
            </th>
            {variants.map((variant, i) => (
              <th key={i} scope="colgroup" colSpan={2} data-testid={`variant-column-${i}`}>
                {variant.name}
              </th>
            ))}
          </tr>
          <tr>
            {variants.map((_, i) => [
              <th key={`m${i}`} scope="col">
                {t.meanColumn}
              </th>,
              <th key={`d${i}`} scope="col">
                {t.difference}
              </th>,
            ])}
          </tr>
        </thead>
        {groups.map((group) => {
          const rows = allRows.filter((row) => row.group === group);
          if (rows.length === 0) return null;
          return (
            <tbody key={group} data-testid={`compare-group-${group}`}>
              <tr className="compare-group">
                <th scope="rowgroup" colSpan={2 + 2 * variants.length}>
                  {t.groups[group]}
                </th>
              </tr>
              {rows.map((row) => (
                <tr key={row.path} data-testid={`compare-row-${row.path}`}>
                  <th scope="row">
                    {row.label}
                    {unitLabel(row.measure, t) && (
                      <span className="compare-unit"> ({unitLabel(row.measure, t)})</span>
                    )}
                  </th>
                  {estimateCell(result.base.aggregate[row.path], row, 'base')}
                  {variants.map((variant, i) => (
                    <Fragment key={i}>
                      {estimateCell(variant.report.aggregate[row.path], row, `variant-${i}`)}
                      {differenceCell(variant.byPath.get(row.path), row, `diff-${i}`)}
                    </Fragment>
                  ))}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

/** Where tier-1 coverage changes: each district filled by its paired difference. */
function ChangeMap({ result, variants }: { result: ComparisonResult; variants: RanVariant[] }) {
  const t = useStrings(compareStrings);
  const locale = localeOf(useLanguage());
  const [shown, setShown] = useState(0);
  const variant = variants[Math.min(shown, variants.length - 1)];
  const changes = coverageChanges(variant.byPath, result.figures);
  const points = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  // Short, for the districts' labels; the legend names the unit.
  const pp = (share: number) => points.format(share * 100);
  // District ids are the scenario's: records without a prototype keep "__proto__" and the like.
  const values = recordOf([...changes].map(([district, paired]) => [district, paired.mean]));
  const details = recordOf(
    [...changes]
      .filter(([, paired]) => Number.isFinite(paired.low))
      .map(([district, paired]) => [
        district,
        `${t.ci95} [${pp(paired.low)}, ${pp(paired.high)}] ${t.percentPoints}`,
      ]),
  );
  return (
    <section className="compare-map" data-testid="compare-map" aria-labelledby="compare-map-title">
      <div className="compare-map-head">
        <h3 id="compare-map-title">{t.mapTitle}</h3>
        {variants.length > 1 && (
          <label>
            <span>{t.mapVariant}</span>
            <select
              data-testid="compare-map-variant"
              value={shown}
              onChange={(e) => setShown(Number(e.target.value))}
            >
              {variants.map((v, i) => (
                <option key={i} value={i}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {changes.size === 0 ? (
        <p className="placeholder">{t.mapNoCoverage}</p>
      ) : (
        <CityMap
          doc={result.doc}
          ariaLabel={t.mapLabel(variant.name)}
          districtFill={{
            values,
            scale: 'difference',
            format: pp,
            legend: t.mapLegend(variant.name),
            details,
          }}
          height={380}
          testId="compare-city-map"
        />
      )}
    </section>
  );
}
