/**
 * The summary table's rows for approval waits and the assessment by agency (rendered to HTML in
 * Node; the end-to-end tests look at it in the browser).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Estimate, Report } from '../../src/sim/analysis/report.ts';
import type { ReportLabels } from '../../src/sim/analysis/reportLabels.ts';
import { strings } from '../../src/ui/i18n.ts';
import { SummaryTable } from '../../src/ui/SummaryTable.tsx';
import { NO_LABELS, reportOfEstimates } from './fixtures.ts';

const estimate = (mean: number): Estimate => ({ n: 2, mean, low: mean - 1, high: mean + 1 });

function reportWith(aggregate: Record<string, Estimate>, labels = NO_LABELS): Report {
  return reportOfEstimates({ calls: estimate(100), ...aggregate }, labels);
}

function render(report: Report, language: 'zh' | 'en'): string {
  return renderToStaticMarkup(createElement(SummaryTable, { report, t: strings[language] }));
}

describe('summary table', () => {
  it('shows approval waits by cause in the order of the rules, in minutes', () => {
    const html = render(
      reportWith({
        'approvals.directRequest.mean': estimate(120),
        'approvals.fireRescueApproval.mean': estimate(600),
        'approvals.militaryApproval.mean': estimate(1800),
      }),
      'zh',
    );
    const rows = [...html.matchAll(/data-testid="row-approval-(\w+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(['fireRescueApproval', 'militaryApproval', 'directRequest']);
    expect(html).toContain('消防救援调派其他力量报批');
    expect(html).toContain('10.00');
  });

  it('leaves out the approvals group and the assessment when the report has none', () => {
    const html = render(reportWith({ 'assessment.fire.dispatches': estimate(0) }), 'en');
    expect(html).not.toContain('group-approvals');
    expect(html).not.toContain('data-testid="assessment"');
  });

  it('lists agencies by points deducted, named as the report names them: Chinese, or ids in English', () => {
    const labelled: ReportLabels['agencies'] = [
      { id: 'fire', name: '市消防救援支队', tier: 1, sector: 'government' },
      { id: 'ems', name: '市急救中心（120）', tier: 1, sector: 'government' },
      { id: 'water', name: '水务集团', tier: 2, sector: 'enterprise' },
    ];
    const report = reportWith(
      {
        'assessment.fire.dispatches': estimate(20),
        'assessment.fire.deductions': estimate(2),
        'assessment.fire.lateArrivals': estimate(2),
        'assessment.fire.missingReports': estimate(0),
        'assessment.ems.dispatches': estimate(50),
        'assessment.ems.deductions': estimate(6),
        'assessment.ems.lateArrivals': estimate(6),
        'assessment.ems.missingReports': estimate(0),
        'assessment.water.dispatches': estimate(0),
        'assessment.water.deductions': estimate(0),
      },
      { ...NO_LABELS, agencies: labelled },
    );
    const zh = render(report, 'zh');
    const agencies = [...zh.matchAll(/data-testid="assessment-([\w-]+)"/g)].map((m) => m[1]);
    // The total is not an agency; water was never dispatched.
    expect(agencies.filter((a) => a !== 'total')).toEqual(['ems', 'fire']);
    expect(zh).toContain('市急救中心（120）');
    expect(zh).toContain('合计扣分 8.0 分');
    // A figure that is 0 for every agency gets no column.
    expect(zh).not.toContain('data-testid="missingReports"');
    const en = render(report, 'en');
    expect(en).toMatch(/<th scope="row" title="市急救中心（120）">ems<\/th>/);
  });
});
