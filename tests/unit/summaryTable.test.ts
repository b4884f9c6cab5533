/**
 * The summary table's rows for approval waits and the assessment by agency (rendered to HTML in
 * Node; the end-to-end tests look at it in the browser).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Estimate, Report } from '../../src/sim/metrics.ts';
import { strings } from '../../src/ui/i18n.ts';
import { SummaryTable } from '../../src/ui/SummaryTable.tsx';

const estimate = (mean: number): Estimate => ({ n: 2, mean, low: mean - 1, high: mean + 1 });

function reportWith(aggregate: Record<string, Estimate>): Report {
  return {
    format: 'drill-planner-report',
    version: 1,
    scenario: 'test',
    seeds: [1, 2],
    replications: [],
    coverageCells: {},
    aggregate: { calls: estimate(100), ...aggregate },
    pooled: {},
  };
}

function render(report: Report, language: 'zh' | 'en', agencyNames = {}): string {
  return renderToStaticMarkup(
    createElement(SummaryTable, { report, agencyNames, t: strings[language] }),
  );
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

  it('lists agencies by points deducted, names in Chinese, ids in English', () => {
    const report = reportWith({
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
    });
    const names = { fire: '市消防救援支队', ems: '市急救中心（120）', water: '水务集团' };
    const zh = render(report, 'zh', names);
    const agencies = [...zh.matchAll(/data-testid="assessment-([\w-]+)"/g)].map((m) => m[1]);
    // The total is not an agency; water was never dispatched.
    expect(agencies.filter((a) => a !== 'total')).toEqual(['ems', 'fire']);
    expect(zh).toContain('市急救中心（120）');
    expect(zh).toContain('合计扣分 8.0 分');
    // A figure that is 0 for every agency gets no column.
    expect(zh).not.toContain('data-testid="missingReports"');
    const en = render(report, 'en', names);
    expect(en).toMatch(/<th scope="row" title="市急救中心（120）">ems<\/th>/);
  });
});
