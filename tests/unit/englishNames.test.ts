/**
 * The English page names a scenario's agencies, districts and incident kinds in English, never by
 * their ids ("putuo 78.1%", "ems", "fishingAccident" were shown before): every built-in one has a
 * `nameEn`, and the report's labels, the figures' labels, the comparison's rows and the replay
 * name them by it; a scenario without English names shows its Chinese names instead.
 */
import { describe, expect, it } from 'vitest';
import { agencyEnglish, districtEnglish } from '../../src/scenarios/builtin/english.ts';
import { builtinScenario, builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import { builtinInput } from '../../src/scenarios/builtin/lazy.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { makeReport } from '../../src/sim/analysis/report.ts';
import { reportLabels } from '../../src/sim/analysis/reportLabels.ts';
import { run } from '../../src/sim/run.ts';
import { capabilityWords } from '../../src/sim/analysis/terms.ts';
import { figureRows } from '../../src/ui/compare/rows.ts';
import { compareStrings } from '../../src/ui/compare/strings.ts';
import { kindName, reportNames } from '../../src/ui/reportFigures.ts';
import { figureLabel } from '../../src/ui/results/reportModel.ts';
import { resultsStrings } from '../../src/ui/results/strings.ts';
import { displayName, entryName } from '../../src/ui/i18n.ts';

/** Built-ins that name what they have (the M/M/3 queue names nothing: one agency "a"). */
const NAMED = builtinScenarios.map((b) => b.id).filter((id) => id !== 'mmc-3-queue');

describe('English names of the built-in scenarios', () => {
  for (const id of NAMED) {
    it(`${id}: every agency, district and incident kind has one, in Latin letters, not its id`, () => {
      const scenario = builtinScenario(id);
      for (const entry of [
        ...scenario.agencies,
        ...scenario.districts,
        ...scenario.incidentKinds.filter((kind) => kind.name),
      ]) {
        expect(entry.nameEn, `${id}: ${entry.id} ${entry.name}`).toBeTruthy();
        expect(entry.nameEn).not.toBe(entry.id);
        expect(entry.nameEn).not.toMatch(/[\u3400-\u9fff]/);
      }
    });
  }

  it('gives the worker the same names as the CLI (lazy and eager built-ins alike)', async () => {
    const lazy = await builtinInput('zhoushan-islands');
    const eager = builtinScenario('zhoushan-islands');
    expect(lazy?.agencies.map((a) => a.nameEn)).toEqual(eager.agencies.map((a) => a.nameEn));
    expect(lazy?.districts.find((d) => d.id === 'putuo')?.nameEn).toBe('Putuo District');
  });

  it('works the names out from the Chinese ones, and leaves unknown ones without', () => {
    expect(districtEnglish('zhengjiawu', '郑家坞镇')).toBe('Zhengjiawu Town');
    expect(districtEnglish('puyang', '浦阳街道')).toBe('Puyang Subdistrict');
    expect(districtEnglish('x1', '某地')).toBeUndefined();
    const districts = new Map([['普陀区', 'Putuo District']]);
    expect(agencyEnglish('舟山市急救中心（120）', districts)).toBe(
      'Zhoushan Emergency Medical Centre (120)',
    );
    expect(agencyEnglish('普陀区乡镇（街道）', districts)).toBe('Townships of Putuo District');
    expect(agencyEnglish('国网舟山供电公司', districts)).toBe(
      'State Grid Zhoushan Power Supply Company',
    );
    expect(agencyEnglish('某某公司', districts)).toBeUndefined();
  });

  it('a scenario file may give its own English names, and they are checked', () => {
    const input = builtinScenario('default-city');
    const mine = {
      ...input,
      agencies: input.agencies.map((a, i) => (i === 0 ? { ...a, nameEn: 'My Fire Service' } : a)),
    };
    const loaded = loadScenario(mine);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.scenario.agencies[0].nameEn).toBe('My Fire Service');
    const bad = loadScenario({ ...input, districts: [{ ...input.districts[0], nameEn: 7 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0].path).toBe('districts[0].nameEn');
  });
});

describe('results on the English page name things, never by id', () => {
  const scenario = { ...builtinScenario('zhoushan-islands'), duration: 2 * 86_400 };
  const runs = [1, 2].map((seed) => run(scenario, seed));
  const report = makeReport(
    scenario.id,
    runs.map((r) => r.summary),
    reportLabels(scenario, runs[0].trace.header),
  );
  const names = reportNames(JSON.parse(JSON.stringify(report)) as typeof report);
  const ids = new Set([
    ...scenario.agencies.map((a) => a.id),
    ...scenario.districts.map((d) => d.id),
    ...scenario.incidentKinds.map((k) => k.id),
  ]);

  it('labels every figure of the report with English names', () => {
    // Units are named as the scenario names them (no English names of their own).
    const figures = Object.values(report.figures).filter((f) => f.breakdown?.group !== 'unit');
    const labels = figures.map((figure) => figureLabel(figure, resultsStrings.en, names, 'en'));
    expect(labels).toContain('Tier-1 arrivals on target · Putuo District');
    // A capability's English word may spell like an id ("militia" is both a capability and an
    // agency of Zhoushan): it must then be the capability's own word.
    const capabilityWordsEn = new Set(
      figures.flatMap((f) =>
        f.breakdown?.group === 'capability' ? [capabilityWords(f.breakdown.key, 'en')] : [],
      ),
    );
    for (const label of labels) {
      for (const part of label.split(' · '))
        expect(ids.has(part) && !capabilityWordsEn.has(part), label).toBe(false);
      expect(label).not.toMatch(/[\u3400-\u9fff]/);
    }
  });

  it('names districts, agencies and kinds in English and in Chinese', () => {
    expect(entryName('putuo', names.districts.get('putuo'), 'en')).toBe('Putuo District');
    expect(entryName('putuo', names.districts.get('putuo'), 'zh')).toBe('普陀区');
    expect(entryName('ems', names.agencies.get('ems'), 'en')).toBe(
      'Zhoushan Emergency Medical Centre (120)',
    );
    expect(kindName('fishingAccident', names, 'en')).toBe('fishing accident');
    expect(kindName('fishingAccident', names, 'zh')).toBe('渔业事故（渔船人员伤亡、落水）');
  });

  it('names the comparison’s rows in English', () => {
    const rows = figureRows(report.figures, names, compareStrings.en);
    const labels = rows.map((row) => row.label);
    expect(labels).toContain('Putuo District');
    for (const label of labels) expect(ids.has(label), label).toBe(false);
    const zh = figureRows(report.figures, names, compareStrings.zh).map((row) => row.label);
    expect(zh).toContain('普陀区');
  });

  it('a scenario without English names shows its Chinese names, not its ids', () => {
    expect(displayName('putuo', '普陀区', 'en')).toBe('普陀区');
    expect(entryName('ems', { name: '急救中心' }, 'en')).toBe('急救中心');
  });
});
