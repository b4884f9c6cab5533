/**
 * Units have English names too (built-in ones where their place is known), and the drill and
 * training views name agencies, kinds, districts and units in English on the English page —
 * not in Chinese and not by id — while the Chinese page keeps the Chinese names.
 */
import { describe, expect, it } from 'vitest';
import { agencyName } from '../../src/drills/labels.ts';
import { unitName } from '../../src/drills/describe.ts';
import { unitEnglish } from '../../src/scenarios/builtin/english.ts';
import { builtinScenario, builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { callerWords, kindLabel } from '../../src/training/caller.ts';
import { unitViews } from '../../src/training/seat.ts';
import { scenarioLists } from '../../src/ui/drill/scenarioLists.ts';
import type { ScenarioDoc } from '../../src/ui/workspace/history.ts';

const CJK = /[\u3400-\u9fff]/;

describe('English names of units', () => {
  it.each(builtinScenarios.map((b) => b.id))('%s: unit names are English, never ids', (id) => {
    for (const unit of builtinScenario(id).units) {
      if (!unit.nameEn) continue;
      expect(unit.nameEn).not.toMatch(CJK);
      expect(unit.nameEn).not.toBe(unit.id);
    }
  });

  it('gives most built-in units one, from their place and what they are', () => {
    const units = builtinScenarios.flatMap((b) => builtinScenario(b.id).units);
    const named = units.filter((u) => u.nameEn);
    expect(named.length / units.length).toBeGreaterThan(0.7);
    const zhoushan = builtinScenario('zhoushan-islands');
    const engine = zhoushan.units.find((u) => u.id === 'fire-putuo-engine');
    expect(engine?.nameEn).toBe('Putuo fire station water tender');
    const districts = zhoushan.districts;
    const city: [string, string] = ['舟山', 'Zhoushan'];
    expect(unitEnglish('普陀区乡镇应急队', districts, city)).toBe(
      'Putuo District township emergency teams',
    );
    expect(unitEnglish('市民政局应急救助队', districts, city)).toBe(
      'Zhoushan Civil Affairs Bureau relief team',
    );
    // An island is not a district: no guess.
    expect(unitEnglish('金塘岛专职消防队', districts, city)).toBeUndefined();
  });

  it('a scenario file may give a unit an English name, and it is checked', () => {
    const input = structuredClone(builtinScenario('default-city')) as unknown as {
      units: Array<{ nameEn?: unknown }>;
    };
    input.units[0].nameEn = 'My engine';
    const loaded = loadScenario(input, 'en');
    expect(loaded.ok && loaded.scenario.units[0].nameEn).toBe('My engine');
    input.units[0].nameEn = 42;
    const bad = loadScenario(input, 'en');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toContain('units[0].nameEn');
  });
});

describe('the drill views name things in the page’s language', () => {
  const scenario = builtinScenario('zhoushan-islands');
  const doc = scenario as unknown as ScenarioDoc;

  it('lists agencies, kinds, districts and units in English', () => {
    const en = scenarioLists(doc, 'en');
    for (const list of [en.agencies, en.kinds, en.districts]) {
      for (const entry of list) {
        expect(entry.name, entry.id).not.toMatch(CJK);
        expect(entry.name).not.toBe(entry.id);
      }
    }
    expect(en.districts.find((d) => d.id === 'putuo')?.name).toBe('Putuo District');
    expect(en.units.find((u) => u.id === 'fire-putuo-engine')?.name).toBe(
      'Putuo fire station water tender',
    );
    const zh = scenarioLists(doc, 'zh');
    expect(zh.districts.find((d) => d.id === 'putuo')?.name).toBe('普陀区');
  });

  it('names agencies and units in the drill core’s sentences', () => {
    expect(agencyName(scenario, 'ems', 'en')).toBe('Zhoushan Emergency Medical Centre (120)');
    expect(agencyName(scenario, 'ems', 'zh')).toMatch(CJK);
    expect(unitName(scenario, 'fire-putuo-engine#2', 'en')).toBe(
      'Putuo fire station water tender #2',
    );
  });
});

describe('the training seat names things in the page’s language', () => {
  const scenario = builtinScenario('zhoushan-islands');

  it('names units by their English names, agencies too', () => {
    const views = unitViews(scenario);
    const engine = [...views.values()].find((v) => v.id.startsWith('fire-putuo-engine'))!;
    expect(engine.label.en).toBe('Putuo fire station water tender');
    expect(engine.agency.en).not.toMatch(CJK);
    expect(engine.label.zh).toMatch(CJK);
    for (const view of views.values()) expect(view.label.en).not.toBe(view.id);
  });

  it('names kinds by their English names', () => {
    const kind = scenario.incidentKinds.find((k) => k.id === 'fishingAccident')!;
    expect(kindLabel(scenario, kind.id)).toEqual({ zh: kind.name, en: kind.nameEn });
  });
});

describe('English names of bases', () => {
  it('gives most built-in bases one, from their place and what they are, never Chinese or an id', () => {
    const bases = builtinScenarios.flatMap((b) => builtinScenario(b.id).bases);
    const named = bases.filter((b) => b.nameEn);
    expect(named.length).toBeGreaterThan(bases.length / 2);
    for (const base of named) {
      expect(base.nameEn).not.toMatch(CJK);
      expect(base.nameEn).not.toBe(base.id);
    }
    const zhoushan = builtinScenario('zhoushan-islands').bases;
    expect(zhoushan.find((b) => b.name === '定海公安分局')?.nameEn).toBe(
      'Dinghai public security sub-bureau',
    );
    // An island is no district: no pinyin guess.
    expect(zhoushan.find((b) => b.name === '金塘岛综合应急服务站')?.nameEn).toBeUndefined();
  });

  it('the trainee’s caller names the landmark base in English on the English page', () => {
    const scenario = builtinScenario('zhoushan-islands');
    const base = scenario.bases.find((b) => b.name === '定海公安分局')!;
    const facts = {
      incident: 1,
      time: 0,
      kind: scenario.incidentKinds[0].id,
      district: 0,
      location: [base.location[0] + 0.01, base.location[1]] as [number, number],
      severity: 4,
      channel: 'emergency' as const,
      maritime: false,
      specialPlan: false,
      participants: null,
    };
    const easy = { incompleteInfoShare: 0, wrongInfoShare: 0 } as Parameters<typeof callerWords>[3];
    const { words } = callerWords(scenario, 1, facts, easy);
    expect(words.en).toContain('of Dinghai public security sub-bureau');
    expect(words.zh).toContain('定海公安分局');
  });
});
