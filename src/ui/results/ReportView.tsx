/**
 * The readiness report of a finished run: a plain-language summary of the worst figures, the
 * response-time distributions against the arrival targets, utilisation, waits, the key figures
 * and the assessment, the coverage map, a replication to replay, exports and a printable A4
 * layout (results.css). Everything is read from the report, names and targets too: it carries
 * those of the scenario it was computed from (the scenario as it ran draws only the map).
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Estimate, Report } from '../../sim/analysis/report.ts';
import { entryName, localeOf, strings, useLanguage, useStrings, type Language } from '../i18n.ts';
import { agenciesNoKindNeeds, rulesWithoutKinds } from '../editors/scope.ts';
import { RULE_NAMES } from '../../scenarios/ruleNames.ts';
import { isRuleId } from '../../scenarios/rules/index.ts';
import { CoverageMap } from '../map/CoverageMap.tsx';
import { type LastRun, useNavigation } from '../shell/navigation.ts';
import { SummaryTable } from '../SummaryTable.tsx';
import { AssumptionsSection } from './AssumptionsSection.tsx';
import { UnitWorkload } from './UnitWorkload.tsx';
import { AllBusyTable } from './AllBusyTable.tsx';
import { ChartFigure, CiBar, Ecdf, Histogram, ShareBars, type ChartFormat } from './Charts.tsx';
import { downloadText, exportFileName } from './exports.ts';
import {
  breakdownEstimates,
  reportNames,
  TIER_ONE_PATH,
  TIER_ONE_WORDS,
  type ReportNames,
  kindName,
  scenarioTitle,
} from '../reportFigures.ts';
import {
  aggregateCsv,
  distributionOf,
  figureLabel,
  replicationsCsv,
  responseGroups,
  summaryFacts,
  targetLines,
  type ResponseGroup,
} from './reportModel.ts';
import { resultsStrings, type ResultsStrings } from './strings.ts';
import { useStages } from '../useStages.ts';
import './results.css';

function chartFormat(locale: string): ChartFormat {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    percent: (share) => (Number.isFinite(share) ? percent.format(share) : '—'),
    number: (value, digits = 1) =>
      Number.isFinite(value)
        ? new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)
        : '—',
  };
}

/** "85–89%": an interval of shares, cut to 0–100%, or null without one (fewer than 2 runs). */
function shareInterval(estimate: Estimate | undefined, format: ChartFormat): string | null {
  if (!estimate || !Number.isFinite(estimate.low) || !Number.isFinite(estimate.high)) return null;
  const low = format.percent(Math.max(0, estimate.low));
  const high = format.percent(Math.min(1, estimate.high));
  return `${low} – ${high}`;
}

interface Context {
  report: Report;
  /** The scenario as it ran: what its edits could and could not change. */
  doc: LastRun['doc'];
  names: ReportNames;
  language: Language;
  t: ResultsStrings;
  format: ChartFormat;
}

export function ReportView({
  run,
  notice,
  edits = [],
}: {
  run: LastRun;
  notice?: ReactNode;
  /** The edits made to the scenario since it was opened, as the undo list names them. */
  edits?: readonly string[];
}) {
  const language = useLanguage();
  const t = useStrings(resultsStrings);
  const names = useMemo(() => reportNames(run.report), [run.report]);
  const context: Context = {
    report: run.report,
    doc: run.doc,
    names,
    language,
    t,
    format: chartFormat(localeOf(language)),
  };
  // Folded tables belong on paper too, however printing was started (button or Ctrl+P).
  useEffect(() => {
    const unfold = () =>
      document
        .querySelectorAll<HTMLDetailsElement>('.results-report details')
        .forEach((details) => (details.open = true));
    window.addEventListener('beforeprint', unfold);
    return () => window.removeEventListener('beforeprint', unfold);
  }, []);
  const shown = useStages(6, run.report);
  return (
    <div className="results-report" data-testid="results-report" lang={localeOf(language)}>
      <PrintHeader context={context} />
      <p className="results-computed-from results-no-print" data-testid="computed-from">
        {t.computedFrom(scenarioTitle(names.scenarioId, names.scenarioName, language))} ·{' '}
        {seedText(context)}
      </p>
      {notice}
      <ExportBar context={context} />
      <SummarySection context={context} />
      {shown > 1 && <ResponseSection context={context} />}
      {shown > 2 && (
        <div className="results-section results-coverage">
          <CoverageMap report={run.report} doc={run.doc} />
        </div>
      )}
      {shown > 3 && (
        <>
          <UtilisationSection context={context} />
          <WaitsSection context={context} />
        </>
      )}
      {shown > 4 && (
        <section className="results-section" aria-labelledby="results-key-figures">
          <h3 id="results-key-figures">{t.keyFiguresHeading}</h3>
          <SummaryTable report={run.report} t={strings[language]} />
        </section>
      )}
      {shown > 5 && <AssumptionsSection doc={run.doc} edits={edits} />}
      {shown > 5 && <ReplaySection run={run} t={t} />}
    </div>
  );
}

function seedText({ report, t }: Context): string {
  const seeds = report.seeds;
  return t.seedRange(seeds.length, seeds[0], seeds[seeds.length - 1]);
}

function PrintHeader({ context }: { context: Context }) {
  const { t, names, language } = context;
  const date = new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date());
  return (
    <header className="results-print-header" data-testid="print-header">
      <h2>{t.printTitle(scenarioTitle(names.scenarioId, names.scenarioName, language))}</h2>
      <p>{t.printMeta(seedText(context), date)}</p>
    </header>
  );
}

function ExportBar({ context }: { context: Context }) {
  const { report, names, language, t } = context;
  const file = (what: string, extension: string) =>
    exportFileName(report.scenario, what, extension);
  return (
    <div className="results-toolbar results-no-print" role="group" aria-label={t.exportsHeading}>
      <span className="results-toolbar-label">{t.exportsHeading}</span>
      <button
        type="button"
        data-testid="export-json"
        onClick={() =>
          downloadText(JSON.stringify(report, null, 1), file('report', 'json'), 'application/json')
        }
      >
        {t.exportJson}
      </button>
      <button
        type="button"
        data-testid="export-csv"
        onClick={() =>
          downloadText(
            aggregateCsv(report, t.csvHeader, (figure) => figureLabel(figure, t, names, language)),
            file('figures', 'csv'),
            'text/csv',
          )
        }
      >
        {t.exportCsv}
      </button>
      <button
        type="button"
        data-testid="export-replications-csv"
        onClick={() =>
          downloadText(replicationsCsv(report, t.csvSeed), file('replications', 'csv'), 'text/csv')
        }
      >
        {t.exportReplicationsCsv}
      </button>
      <button
        type="button"
        className="primary"
        data-testid="print-report"
        onClick={() => window.print()}
      >
        {t.print}
      </button>
    </div>
  );
}

// -----------------------------------------------------------------------------------------------
// Summary

function SummarySection({ context }: { context: Context }) {
  const { report, names, language, t, format } = context;
  const facts = summaryFacts(report);
  const minutes = (seconds: number) => format.number(seconds / 60, 0);
  const tierOne = TIER_ONE_WORDS[language];
  const urban = minutes(names.targets.tier1.urban);
  const rural = minutes(names.targets.tier1.rural);
  const within = t.withinMinutes(urban, rural);
  const districtName = (id: string) => entryName(id, names.districts.get(id), language);
  const agencyName = (id: string) => entryName(id, names.agencies.get(id), language);
  const coverage = facts.coverage;
  const hasCoverage = coverage !== undefined && Number.isFinite(coverage.mean);
  const strained = [
    ...facts.strainedTiers.map((row) =>
      t.namedShare(t.tier(row.id), format.percent(row.estimate.mean)),
    ),
    ...facts.strainedAgencies.map((row) =>
      t.namedShare(agencyName(row.id), format.percent(row.estimate.mean)),
    ),
  ];
  const overflowCount = facts.overflowed?.mean ?? 0;
  return (
    <section className="results-section results-summary" aria-labelledby="results-summary-heading">
      <h3 id="results-summary-heading">{t.summaryHeading}</h3>
      {hasCoverage ? (
        <p
          className="results-headline"
          data-testid="summary-coverage"
          data-value={String(coverage.mean)}
        >
          {t.coverage(
            tierOne.name,
            within,
            format.percent(coverage.mean),
            shareInterval(coverage, format),
          )}
          {facts.districtsBelow.length > 0
            ? t.districtsBelow(
                facts.districtsBelow.length,
                facts.districtsBelow
                  .map((row) =>
                    t.namedShare(districtName(row.id), format.percent(row.estimate.mean)),
                  )
                  .join(t.listJoin),
              )
            : t.noDistrictBelow}
        </p>
      ) : (
        <p className="results-headline" data-testid="summary-coverage">
          {t.noCoverage}
        </p>
      )}
      <p className="hint results-definition" data-testid="tier-one-definition">
        {tierOne.definition(urban, rural)}
      </p>
      <ul className="results-facts" data-testid="summary-facts">
        <li data-testid="summary-deductions">
          {facts.mostDeductions
            ? t.mostDeductions(
                agencyName(facts.mostDeductions.id),
                format.number(facts.mostDeductions.estimate.mean),
              )
            : t.noDeductions}
        </li>
        <li data-testid="summary-utilisation">
          {strained.length > 0 ? t.strained(strained.join(t.listJoin)) : t.noStrain}
        </li>
        <li data-testid="summary-overflow">
          {overflowCount > 0
            ? t.overflow(
                format.number(overflowCount),
                format.percent(facts.overflowShare?.mean ?? NaN),
              )
            : t.noOverflow}
        </li>
        {rulesWithoutKinds(context.doc).map((rule) => (
          <li key={rule} data-testid="summary-rule-no-kinds" className="results-why-nothing">
            {t.ruleNoKinds(isRuleId(rule) ? RULE_NAMES[rule][language] : rule)}
          </li>
        ))}
        {(facts.unanswered?.mean ?? 0) > 0 && (
          <li data-testid="summary-unanswered">
            {t.unanswered(format.number(facts.unanswered?.mean ?? NaN))}
          </li>
        )}
      </ul>
    </section>
  );
}

// -----------------------------------------------------------------------------------------------
// Response times

function groupLabel(group: ResponseGroup, context: Context): string {
  const { names, language, t } = context;
  switch (group.family) {
    case 'overall':
      return t.overall;
    case 'tier':
      return t.tier(group.id);
    case 'kind':
      return kindName(group.id, names, language);
    case 'district':
      return entryName(group.id, names.districts.get(group.id), language);
  }
}

function ResponseSection({ context }: { context: Context }) {
  const { report, names, t, format } = context;
  const groups = responseGroups(report);
  const [selected, setSelected] = useState('overall');
  const group = groups.find((g) => g.key === selected) ?? groups[0];
  if (!group) return null;
  const pooled = report.pooled[group.key];
  const lines = targetLines(group, names);
  const targets = lines.map((line) => ({
    line,
    label: t.targetLine(
      t.tierShort(String(line.tier)),
      t.area(line.area),
      format.number(line.seconds / 60, 0),
    ),
  }));
  const distribution = distributionOf(
    pooled.histogram,
    lines.map((line) => line.seconds),
  );
  const label = groupLabel(group, context);
  const families = ['overall', 'tier', 'kind', 'district'] as const;
  const stem = exportFileName(report.scenario, group.key, '').replace(/\.$/, '');
  return (
    <section className="results-section" aria-labelledby="results-response-heading">
      <h3 id="results-response-heading">{t.responseHeading}</h3>
      <label className="results-group-select results-no-print">
        <span>{t.group}</span>
        <select
          data-testid="histogram-group"
          value={group.key}
          onChange={(event) => setSelected(event.target.value)}
        >
          {families.map((family) => {
            const members = groups.filter((g) => g.family === family);
            if (members.length === 0) return null;
            return (
              <optgroup key={family} label={t.familyLabel[family]}>
                {members.map((member) => (
                  <option key={member.key} value={member.key}>
                    {groupLabel(member, context)}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </label>
      {distribution.total === 0 ? (
        <p className="placeholder">{t.noArrivals}</p>
      ) : (
        <>
          <div className="results-chart-pair">
            <ChartFigure
              testId="chart-histogram"
              title={t.histogramTitle(label)}
              fileStem={`${stem}-histogram`}
              t={t}
            >
              {(svgRef) => (
                <Histogram
                  distribution={distribution}
                  targets={targets}
                  t={t}
                  format={format}
                  svgRef={svgRef}
                  title={t.histogramTitle(label)}
                />
              )}
            </ChartFigure>
            <ChartFigure
              testId="chart-ecdf"
              title={t.ecdfTitle(label)}
              fileStem={`${stem}-ecdf`}
              t={t}
            >
              {(svgRef) => (
                <Ecdf
                  distribution={distribution}
                  targets={targets}
                  t={t}
                  format={format}
                  svgRef={svgRef}
                  title={t.ecdfTitle(label)}
                />
              )}
            </ChartFigure>
          </div>
          <p className="hint" data-testid="pooled-note">
            {t.pooledNote(
              format.number(pooled.n, 0),
              format.number(pooled.median / 60),
              format.number(pooled.p90 / 60),
            )}
            {distribution.beyond > 0 &&
              ' ' +
                t.beyond(
                  format.percent(distribution.beyond),
                  format.number(distribution.maxMinutes, 0),
                )}
          </p>
        </>
      )}
      <p className="hint" data-testid="terms-note">
        {t.termsNote}
      </p>
      <WithinTargetTable context={context} />
    </section>
  );
}

interface WithinRow {
  key: string;
  label: string;
  arrivals: Estimate | undefined;
  within: Estimate;
}

/** Rows of a share table: one per part of a breakdown with a share, with its arrivals per run. */
function withinRows(
  report: Report,
  figure: 'response' | 'tierOneCoverage',
  group: 'tier' | 'kind' | 'district',
  label: (id: string) => string,
): WithinRow[] {
  const isResponse = figure === 'response';
  const arrivals = new Map(
    isResponse
      ? breakdownEstimates(report, figure, group, 'n').map((row) => [row.id, row.estimate])
      : [],
  );
  return breakdownEstimates(report, figure, group, isResponse ? 'withinTarget' : undefined).flatMap(
    ({ id, path, estimate }) =>
      Number.isFinite(estimate.mean)
        ? [{ key: path, label: label(id), arrivals: arrivals.get(id), within: estimate }]
        : [],
  );
}

function WithinTargetTable({ context }: { context: Context }) {
  const { report, names, language, t, format } = context;
  const districtName = (id: string) => entryName(id, names.districts.get(id), language);
  // The tier-1 figure first (overall, then by district), then each kind against its own target;
  // shares by the tier that happened to arrive first are left out: they read like the tier-1
  // figure and are not it.
  const overall = report.aggregate[TIER_ONE_PATH];
  const tierOneOverall: WithinRow[] =
    overall && Number.isFinite(overall.mean)
      ? [{ key: TIER_ONE_PATH, label: t.overall, arrivals: undefined, within: overall }]
      : [];
  const sections = [
    {
      id: 'tier-one',
      title: TIER_ONE_WORDS[language].name,
      rows: [...tierOneOverall, ...withinRows(report, 'tierOneCoverage', 'district', districtName)],
    },
    {
      id: 'kind',
      title: t.kindWithinHeading,
      rows: withinRows(report, 'response', 'kind', (id) => kindName(id, names, language)),
    },
  ].filter((section) => section.rows.length > 0);
  return (
    <table className="summary results-within" data-testid="within-table">
      <caption>{t.withinHeading}</caption>
      <thead>
        <tr>
          <th scope="col">{t.group}</th>
          <th scope="col" className="number">
            {t.arrivalsPerRun}
          </th>
          <th scope="col" className="number">
            {t.withinTarget}
          </th>
          <th scope="col" className="number">
            {t.interval}
          </th>
          <th scope="col">{t.ciBar}</th>
        </tr>
      </thead>
      {sections.map((section) => (
        <tbody key={section.id} data-testid={`within-${section.id}`}>
          <tr className="group">
            <th scope="colgroup" colSpan={5}>
              {section.title}
            </th>
          </tr>
          {section.rows.map((row) => (
            <tr key={row.key} data-testid="within-row" data-path={row.key}>
              <th scope="row">{row.label}</th>
              <td className="number">{row.arrivals ? format.number(row.arrivals.mean) : ''}</td>
              <td className="number" data-value={String(row.within.mean)}>
                {format.percent(row.within.mean)}
              </td>
              <td className="number interval">{shareInterval(row.within, format) ?? '—'}</td>
              <td>
                <CiBar
                  estimate={row.within}
                  label={`${row.label}: ${format.percent(row.within.mean)}`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

// -----------------------------------------------------------------------------------------------
// Utilisation and waits

function UtilisationSection({ context }: { context: Context }) {
  const { report, names, language, t, format } = context;
  const rowsOf = (group: 'tier' | 'agency', label: (id: string) => string) =>
    breakdownEstimates(report, 'utilisation', group).map(({ id, estimate }) => ({
      id,
      label: label(id),
      estimate,
    }));
  const tiers = rowsOf('tier', (id) => t.tier(id));
  const agencies = rowsOf('agency', (id) => entryName(id, names.agencies.get(id), language)).sort(
    (a, b) => b.estimate.mean - a.estimate.mean,
  );
  const stem = exportFileName(report.scenario, 'utilisation', '').replace(/\.$/, '');
  const noKindNeeds = agenciesNoKindNeeds(context.doc);
  const idle = agencies.filter((row) => noKindNeeds.has(row.id));
  return (
    <section className="results-section" aria-labelledby="results-utilisation-heading">
      <h3 id="results-utilisation-heading">{t.utilisationHeading}</h3>
      {idle.length > 0 && (
        <p className="hint results-why-nothing" data-testid="utilisation-idle">
          {t.agenciesIdle(idle.map((row) => row.label).join(t.listJoin))}
        </p>
      )}
      <div className="results-chart-stack">
        {[
          { id: 'tier', title: t.byTier, rows: tiers },
          { id: 'agency', title: t.byAgency, rows: agencies },
        ].map(
          (chart) =>
            chart.rows.length > 0 && (
              <ChartFigure
                key={chart.id}
                testId={`chart-utilisation-${chart.id}`}
                title={`${t.utilisationAxis} · ${chart.title}`}
                fileStem={`${stem}-${chart.id}`}
                t={t}
              >
                {(svgRef) => (
                  <ShareBars
                    rows={chart.rows}
                    format={format}
                    svgRef={svgRef}
                    title={`${t.utilisationAxis} · ${chart.title}`}
                    axisLabel={t.utilisationAxis}
                  />
                )}
              </ChartFigure>
            ),
        )}
      </div>
      <UnitWorkload report={report} names={names} language={language} format={format} />
      <AllBusyTable report={report} language={language} format={format} />
    </section>
  );
}

function WaitsSection({ context }: { context: Context }) {
  const { report, t, format } = context;
  // Each cause's count and mean wait, by the cause.
  const causes = (record: 'approvals' | 'handovers') => {
    const means = new Map(
      breakdownEstimates(report, record, 'cause', 'mean').map((r) => [r.id, r]),
    );
    return breakdownEstimates(report, record, 'cause', 'n').map((count) => ({
      cause: count.id,
      count: count.estimate,
      wait: means.get(count.id)?.estimate,
    }));
  };
  const groups = (['approvals', 'handovers'] as const)
    .map((record) => ({ record, causes: causes(record) }))
    .filter((group) => group.causes.length > 0);
  return (
    <section className="results-section" aria-labelledby="results-waits-heading">
      <h3 id="results-waits-heading">{t.approvalsHeading}</h3>
      {groups.length === 0 ? (
        <p className="placeholder" data-testid="waits-none">
          {t.noWaits}
        </p>
      ) : (
        <table className="summary" data-testid="waits-table">
          <thead>
            <tr>
              <th scope="col">{t.cause}</th>
              <th scope="col" className="number">
                {t.countPerRun}
              </th>
              <th scope="col" className="number">
                {t.meanWait}
              </th>
              <th scope="col" className="number">
                {t.interval}
              </th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.record}>
              <tr className="group">
                <th scope="colgroup" colSpan={4}>
                  {t[group.record]}
                </th>
              </tr>
              {group.causes.map(({ cause, count, wait }) => {
                const minutes = (value: number) => format.number(value / 60, 2);
                return (
                  <tr key={cause} data-testid={`wait-${group.record}-${cause}`}>
                    <th scope="row">{t.causeLabel(cause)}</th>
                    <td className="number">{format.number(count.mean)}</td>
                    <td className="number">{minutes(wait?.mean ?? NaN)}</td>
                    <td className="number interval">
                      {wait && Number.isFinite(wait.low)
                        ? `${minutes(Math.max(0, wait.low))} – ${minutes(wait.high)}`
                        : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}

// -----------------------------------------------------------------------------------------------
// Replay

function ReplaySection({ run, t }: { run: LastRun; t: ResultsStrings }) {
  const { requestReplay } = useNavigation();
  const [seed, setSeed] = useState(run.report.seeds[0]);
  return (
    <section
      className="results-section results-replay results-no-print"
      aria-labelledby="results-replay-heading"
    >
      <h3 id="results-replay-heading">{t.replayHeading}</h3>
      <div className="results-replay-row">
        <label>
          <span>{t.replaySeed}</span>
          <select
            data-testid="replay-seed"
            value={seed}
            onChange={(event) => setSeed(Number(event.target.value))}
          >
            {run.report.seeds.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="replay-seed-button"
          onClick={() => requestReplay(run.doc, seed)}
        >
          {t.replay}
        </button>
      </div>
    </section>
  );
}
