/**
 * The coverage map: where emergency calls were reached within the tier-1 arrival target. Each
 * district is filled by its mean share across replications (with the 95% interval in its
 * tooltip and in the table beside the map); each call place (a cell of about 1 km) is a dot
 * sized by its calls and coloured by the share of them reached in time, all replications'
 * calls together. Districts are listed and named as the report's scenario has them; the
 * scenario as it ran only draws the map.
 */
import { useMemo } from 'react';
import { displayName, localeOf, useLanguage, useStrings, type Language } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import { coverageCellCentre } from '../../sim/analysis/pooled.ts';
import type { Estimate, Report } from '../../sim/analysis/report.ts';
import { breakdownEstimates } from '../reportFigures.ts';
import { useStages } from '../useStages.ts';
import { CityMap } from './CityMap.tsx';
import { shareColour } from './scales.ts';
import { mapStrings } from './strings.ts';
import type { DistrictFill, MapPoint } from './types.ts';

interface DistrictCoverage {
  id: string;
  name: string;
  estimate: Estimate | null;
}

/** Each district's estimate; null where no replication had a tier-1 arrival to count there. */
function districtCoverage(report: Report, language: Language): DistrictCoverage[] {
  const estimates = new Map(
    breakdownEstimates(report, 'tierOneCoverage', 'district').map(({ id, estimate }) => [
      id,
      estimate,
    ]),
  );
  return report.labels.districts.map(({ id, name, nameEn }) => {
    const estimate = estimates.get(id);
    return {
      id,
      name: displayName(id, name, language, nameEn),
      estimate: estimate && Number.isFinite(estimate.mean) ? estimate : null,
    };
  });
}

/** Worst first; districts without a value last. */
function byCoverage(a: DistrictCoverage, b: DistrictCoverage): number {
  return (a.estimate?.mean ?? Infinity) - (b.estimate?.mean ?? Infinity);
}

/**
 * The 95% interval as "low–high", or a dash with fewer than 2 replications. A share cannot
 * leave 0..1, so the t-interval is cut there.
 */
function intervalText(estimate: Estimate, percent: Intl.NumberFormat): string {
  const share = (value: number) => percent.format(Math.min(1, Math.max(0, value)));
  return Number.isFinite(estimate.low) ? `${share(estimate.low)}–${share(estimate.high)}` : '—';
}

export function CoverageMap({ report, doc }: { report: Report; doc: ScenarioDoc }) {
  const strings = useStrings(mapStrings);
  const language = useLanguage();
  const locale = localeOf(language);
  const percent = useMemo(
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
    [locale],
  );
  const count = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const districts = useMemo(() => districtCoverage(report, language), [report, language]);
  const interval = (estimate: Estimate) => intervalText(estimate, percent);

  const fill: DistrictFill = useMemo(() => {
    const withValue = districts.filter((district) => district.estimate !== null);
    return {
      scale: 'share',
      legend: strings.coverageLegend,
      format: (value) => percent.format(value),
      values: Object.fromEntries(withValue.map((d) => [d.id, d.estimate!.mean])),
      details: Object.fromEntries(
        withValue.map((d) => [
          d.id,
          `${strings.coverageInterval} ${intervalText(d.estimate!, percent)}`,
        ]),
      ),
    };
  }, [districts, strings, percent]);

  const points: MapPoint[] = useMemo(
    () =>
      Object.entries(report.coverageCells).map(([key, [calls, within]]) => {
        const [lon, lat] = coverageCellCentre(key);
        return {
          lon,
          lat,
          value: calls > 0 ? within / calls : 0,
          weight: calls,
          label: strings.coverageCell(
            count.format(calls),
            count.format(within),
            percent.format(calls > 0 ? within / calls : 0),
          ),
        };
      }),
    [report.coverageCells, strings, count, percent],
  );

  // The dots (a few hundred) are drawn a frame after the map, so neither blocks the page long.
  const shown = useStages(2, report);
  const overall = report.aggregate['tierOneCoverage.overall'];
  const hasCoverage = districts.some((district) => district.estimate !== null);
  return (
    <section className="coverage" data-testid="coverage-map" aria-labelledby="coverage-title">
      <h3 id="coverage-title" className="coverage-title">
        {strings.coverageTitle}
        {overall && Number.isFinite(overall.mean) && (
          <span className="coverage-overall" data-testid="coverage-overall">
            {' '}
            {percent.format(overall.mean)}
            {Number.isFinite(overall.low) && ` (${interval(overall)})`}
          </span>
        )}
      </h3>
      {!hasCoverage && <p className="placeholder">{strings.coverageNone}</p>}
      <p className="hint">{strings.coverageHint}</p>
      <div className="coverage-body">
        <div className="coverage-map">
          <CityMap
            doc={doc}
            ariaLabel={strings.coverageTitle}
            districtFill={fill}
            points={shown > 1 ? points : undefined}
            pointScale="share"
            layers={{ roads: true }}
            height={440}
            testId="coverage-city-map"
          />
        </div>
        <table className="coverage-table" data-testid="coverage-table">
          <caption>{strings.coverageTable}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.coverageDistrict}</th>
              <th scope="col">{strings.coverageMean}</th>
              <th scope="col">{strings.coverageInterval}</th>
            </tr>
          </thead>
          <tbody>
            {districts
              .slice()
              .sort(byCoverage)
              .map((district) => (
                <tr key={district.id} data-testid={`coverage-row-${district.id}`}>
                  <th scope="row">
                    <span
                      className="coverage-swatch"
                      style={{
                        background: district.estimate
                          ? shareColour(district.estimate.mean)
                          : 'transparent',
                      }}
                    />
                    {district.name}
                  </th>
                  <td data-testid="coverage-mean" data-value={district.estimate?.mean ?? ''}>
                    {district.estimate ? percent.format(district.estimate.mean) : strings.noValue}
                  </td>
                  <td>{district.estimate ? interval(district.estimate) : '—'}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
