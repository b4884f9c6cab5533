import { describe, expect, it } from 'vitest';
import { builtinScenarios, DEFAULT_SCENARIO_ID } from '../../src/scenarios/builtin/index.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import {
  applyVariant,
  centralValue,
  DELAY_IDS,
  delayIn,
  describeOperation,
  ruleEnabled,
  withCentralValue,
  type DelayId,
  type ScenarioDoc,
  type SwitchableRule,
  type VariantOperation,
} from '../../src/scenarios/variants.ts';

const builtinDoc = (id: string) =>
  structuredClone(builtinScenarios.find((s) => s.id === id)!.input) as unknown as ScenarioDoc;
const city = () =>
  structuredClone(
    builtinScenarios.find((s) => s.id === DEFAULT_SCENARIO_ID)!.input,
  ) as unknown as ScenarioDoc;

interface Entry {
  id: string;
  tier?: number;
  count?: number;
  crew?: number;
  base?: string;
  agency?: string;
  units?: string[];
  callsPerDay?: number;
  kind?: string;
}
const list = (doc: ScenarioDoc, key: string) => doc[key] as Entry[];

function applied(doc: ScenarioDoc, operations: VariantOperation[]): ScenarioDoc {
  const result = applyVariant(doc, operations, 'en');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.doc;
}

describe('variants of a scenario', () => {
  it('moves an agency to another tier on a copy, leaving the base as it was', () => {
    const base = city();
    const before = JSON.stringify(base);
    const doc = applied(base, [{ type: 'agencyTier', agency: 'power', tier: 2 }]);
    expect(list(doc, 'agencies').find((a) => a.id === 'power')!.tier).toBe(2);
    expect(list(doc, 'agencies').find((a) => a.id === 'gas')!.tier).toBe(1);
    expect(JSON.stringify(base)).toBe(before);
    expect(loadScenario(doc).ok).toBe(true);
  });

  it('reports an unknown agency or unit by operation, in the page language', () => {
    const operations: VariantOperation[] = [
      { type: 'agencyTier', agency: 'power', tier: 2 },
      { type: 'agencyTier', agency: 'nobody', tier: 2 },
      { type: 'unitCrew', unit: 'ghost', crew: 3 },
    ];
    const english = applyVariant(city(), operations, 'en');
    expect(english).toEqual({
      ok: false,
      problems: [
        { operation: 1, message: 'There is no partner agency "nobody"' },
        { operation: 2, message: 'There is no unit "ghost"' },
      ],
    });
    const chinese = applyVariant(city(), operations, 'zh');
    expect(chinese.ok === false && chinese.problems[0].message).toBe('没有联动单位「nobody」');
  });

  it('rejects values out of range', () => {
    const result = applyVariant(
      city(),
      [
        { type: 'agencyTier', agency: 'power', tier: 4 as 1 },
        { type: 'unitCount', unit: 'fire-donghu-engine', count: 1.5 },
        { type: 'callVolume', factor: -1 },
      ],
      'en',
    );
    expect(result.ok === false && result.problems.map((p) => p.operation)).toEqual([0, 1, 2]);
  });

  it('removes vehicles at a base and the run-card entries of the copies that are gone', () => {
    const base = city();
    const cards = () =>
      (base.dispatch as { runCards: Entry[] }).runCards.flatMap((c) => c.units ?? []);
    expect(cards()).toContain('fire-lincheng-engine#2');
    const doc = applied(base, [{ type: 'unitCount', unit: 'fire-lincheng-engine', count: 1 }]);
    const docCards = (doc.dispatch as { runCards: Entry[] }).runCards.flatMap((c) => c.units!);
    expect(docCards).not.toContain('fire-lincheng-engine#2');
    expect(docCards).toContain('fire-lincheng-engine');
    expect(list(doc, 'units').find((u) => u.id === 'fire-lincheng-engine')!.count).toBe(1);
    expect(loadScenario(doc).ok).toBe(true);

    const removed = applied(base, [{ type: 'unitCount', unit: 'fire-lincheng-engine', count: 0 }]);
    expect(list(removed, 'units').some((u) => u.id === 'fire-lincheng-engine')).toBe(false);
    expect(list(removed, 'units')).toHaveLength(list(base, 'units').length - 1);
    expect(loadScenario(removed).ok).toBe(true);
  });

  it('adds a unit like an existing one at another base, with a fresh id', () => {
    const operation: VariantOperation = {
      type: 'addUnit',
      template: 'ems-lincheng-ambulance',
      base: 'town-nantang',
      count: 2,
    };
    const doc = applied(city(), [operation, operation]);
    const added = list(doc, 'units').filter((u) => u.base === 'town-nantang' && u.agency === 'ems');
    const ids = added.map((u) => u.id);
    expect(ids).toContain('ems-lincheng-ambulance:town-nantang');
    expect(ids).toContain('ems-lincheng-ambulance:town-nantang-2');
    expect(added.find((u) => u.id === 'ems-lincheng-ambulance:town-nantang')!.count).toBe(2);
    expect(loadScenario(doc).ok).toBe(true);
  });

  it('changes a crew, switches a rule, scales the call volume', () => {
    const base = city();
    expect(ruleEnabled(base, 'military')).toBe(false);
    expect(ruleEnabled(base, 'triage')).toBe(true);
    const doc = applied(base, [
      { type: 'unitCrew', unit: 'town-xishan-team', crew: 20 },
      { type: 'rule', rule: 'military', enabled: true },
      { type: 'rule', rule: 'triage', enabled: false },
      { type: 'callVolume', factor: 1.5, kind: 'medical' },
      { type: 'callVolume', factor: 2 },
    ]);
    expect(list(doc, 'units').find((u) => u.id === 'town-xishan-team')!.crew).toBe(20);
    expect(ruleEnabled(doc, 'military')).toBe(true);
    expect(ruleEnabled(doc, 'triage')).toBe(false);
    const streams = (doc.arrivals as { streams: Entry[] }).streams;
    const baseStreams = (base.arrivals as { streams: Entry[] }).streams;
    expect(streams.find((s) => s.kind === 'medical')!.callsPerDay).toBeCloseTo(66 * 3, 10);
    expect(streams.find((s) => s.kind === 'fire')!.callsPerDay).toBeCloseTo(
      baseStreams.find((s) => s.kind === 'fire')!.callsPerDay! * 2,
      10,
    );
    expect(loadScenario(doc).ok).toBe(true);
  });

  it('sets an approval delay, from the default when the scenario gives none, keeping its shape', () => {
    const base = city();
    expect(delayIn(base, 'military.approval')).toEqual({ type: 'fixed', value: 2700 });
    const doc = applied(base, [{ type: 'delay', delay: 'military.approval', seconds: 1200 }]);
    expect(delayIn(doc, 'military.approval')).toEqual({ type: 'fixed', value: 1200 });
    const scaled = withCentralValue({ type: 'lognormalMedianP90', median: 600, p90: 1800 }, 300);
    expect(scaled).toEqual({ type: 'lognormalMedianP90', median: 300, p90: 900 });
    expect(centralValue(withCentralValue({ type: 'uniform', min: 0, max: 1200 }, 300))).toBe(300);
    for (const delay of DELAY_IDS) {
      const result = applied(base, [{ type: 'delay', delay, seconds: 90 }]);
      expect(centralValue(delayIn(result, delay))).toBeCloseTo(90, 9);
      expect(loadScenario(result).ok).toBe(true);
    }
  });

  it('describes each operation in both languages with names from the scenario', () => {
    const doc = city();
    const move: VariantOperation = { type: 'agencyTier', agency: 'power', tier: 2 };
    expect(describeOperation(move, doc, 'zh')).toBe('「国网临城供电公司」由一级调为二级联动单位');
    expect(describeOperation(move, doc, 'en')).toBe('Move 国网临城供电公司 from tier 1 to tier 2');
    const delay: VariantOperation = { type: 'delay', delay: 'military.approval', seconds: 1200 };
    expect(describeOperation(delay, doc, 'zh')).toBe(
      '经军地联合办公室申请兵力时限：45 分钟 → 20 分钟',
    );
    expect(describeOperation(delay, doc, 'en')).toBe(
      'Troop request through the joint office: 45 min → 20 min',
    );
    const fewer: VariantOperation = { type: 'unitCount', unit: 'fire-donghu-engine', count: 1 };
    expect(describeOperation(fewer, doc, 'en')).toContain('2 → 1');
  });

  it('sets a delay to 0 minutes as a fixed 0, whatever its shape (lognormal needs a median > 0)', () => {
    const weihai = builtinDoc('weihai-forest-fire');
    expect(delayIn(weihai, 'fireRescueApproval.approval')).toMatchObject({
      type: 'lognormalMedianP90',
    });
    const none = applied(weihai, [
      { type: 'delay', delay: 'fireRescueApproval.approval', seconds: 0 },
    ]);
    expect(delayIn(none, 'fireRescueApproval.approval')).toEqual({ type: 'fixed', value: 0 });
    expect(loadScenario(none).ok).toBe(true);
    for (const id of ['huzhou-flood', 'weihai-forest-fire']) {
      const doc = applied(
        builtinDoc(id),
        DELAY_IDS.map((delay) => ({ type: 'delay', delay, seconds: 0 })),
      );
      for (const delay of DELAY_IDS) expect(centralValue(delayIn(doc, delay))).toBe(0);
      expect(loadScenario(doc).ok).toBe(true);
    }
  });
});

describe('variants of a scenario that is half edited', () => {
  const withDelay = (approval: unknown): ScenarioDoc => ({
    ...city(),
    rules: { military: { enabled: true, approval } },
  });
  const malformed = [
    { type: 'histogram' },
    { type: 'histogram', bins: [null, { from: 0, to: 60 }] },
    { type: 'histogram', bins: [{ from: 0, to: 60, weight: 0 }] },
    { type: 'empirical' },
    { type: 'empirical', values: [] },
    { type: 'empirical', values: [60, 'x'] },
    { type: 'lognormal', mean: '600', sd: 10 },
    { type: 'uniform', min: 0 },
    { type: 'gamma' },
    { type: 'nonsense', value: 3 },
    { value: 60 },
  ];

  it('reads a malformed delay as no value (NaN), never throwing', () => {
    for (const approval of malformed) {
      expect(centralValue(delayIn(withDelay(approval), 'military.approval'))).toBeNaN();
    }
    for (const approval of ['x', null, [], 600])
      expect(centralValue(delayIn(withDelay(approval), 'military.approval'))).toBeNaN();
    // Only a delay the scenario does not give at all is the rule's default.
    expect(centralValue(delayIn(withDelay(undefined), 'military.approval'))).toBe(2700);
  });

  it('says a malformed delay cannot be changed, and describes it with a dash', () => {
    const operation: VariantOperation = { type: 'delay', delay: 'military.approval', seconds: 600 };
    for (const approval of malformed) {
      const doc = withDelay(approval);
      const result = applyVariant(doc, [operation], 'zh');
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.problems[0].message).toContain('经军地联合办公室');
      expect(describeOperation(operation, doc, 'en')).toBe(
        'Troop request through the joint office: — → 10 min',
      );
    }
  });

  it('skips null and non-object entries in every list it reads', () => {
    const doc = city();
    doc.agencies = [null, 7, 'power', ...(doc.agencies as unknown[])];
    doc.units = [null, 'x', ...(doc.units as unknown[])];
    doc.bases = [null, ...(doc.bases as unknown[])];
    doc.incidentKinds = [null, ...(doc.incidentKinds as unknown[])];
    const dispatch = doc.dispatch as { runCards: unknown[] };
    dispatch.runCards = [null, { kind: 'fire' }, { units: 'x' }, ...dispatch.runCards];
    doc.events = [null, 3, { type: 'unitOutOfService', unit: 'fire-lincheng-engine#2' }];
    (doc.arrivals as { streams: unknown[] }).streams.unshift(null);
    const operations: VariantOperation[] = [
      { type: 'agencyTier', agency: 'power', tier: 2 },
      { type: 'unitCount', unit: 'fire-lincheng-engine', count: 1 },
      { type: 'unitCrew', unit: 'town-xishan-team', crew: 20 },
      { type: 'addUnit', template: 'ems-lincheng-ambulance', base: 'town-nantang', count: 1 },
      { type: 'callVolume', factor: 2, kind: 'medical' },
    ];
    const result = applyVariant(doc, operations, 'en');
    expect(result.ok).toBe(true);
    const out = result.ok ? result.doc : {};
    expect(list(out, 'units').find((u) => u?.id === 'fire-lincheng-engine')!.count).toBe(1);
    expect(list(out, 'units').some((u) => u?.id === 'ems-lincheng-ambulance:town-nantang')).toBe(
      true,
    );
    expect(out.events).toEqual([null, 3]);
    for (const operation of operations)
      expect(describeOperation(operation, doc, 'zh')).toBeTruthy();
  });

  it('reports, not throws, whatever the document holds', () => {
    const docs: ScenarioDoc[] = [
      {},
      { units: 'x', agencies: {}, rules: 5, dispatch: { runCards: 'x' }, events: 'x' },
      { rules: { military: null, fireRescueApproval: [] }, arrivals: { streams: [null, 1] } },
    ];
    const operations: VariantOperation[] = [
      { type: 'agencyTier', agency: 'power', tier: 2 },
      { type: 'unitCount', unit: 'fire-lincheng-engine', count: 0 },
      { type: 'delay', delay: 'military.approval', seconds: 600 },
      { type: 'delay', delay: 'fireRescueApproval.approval', seconds: 600 },
      { type: 'rule', rule: 'military', enabled: true },
      { type: 'callVolume', factor: 2 },
    ];
    for (const doc of docs) {
      expect(() => applyVariant(doc, operations, 'en')).not.toThrow();
      for (const operation of operations)
        expect(() => describeOperation(operation, doc, 'en')).not.toThrow();
    }
  });

  it('knows no delay or rule named like an Object.prototype key', () => {
    const result = applyVariant(
      city(),
      [
        { type: 'delay', delay: 'constructor' as DelayId, seconds: 60 },
        { type: 'delay', delay: 'toString' as DelayId, seconds: 60 },
        { type: 'rule', rule: '__proto__' as SwitchableRule, enabled: true },
      ],
      'en',
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { operation: 0, message: 'There is no delay "constructor"' },
        { operation: 1, message: 'There is no delay "toString"' },
        { operation: 2, message: 'There is no rule "__proto__"' },
      ],
    });
    expect(
      describeOperation({ type: 'delay', delay: 'toString' as DelayId, seconds: 60 }, city(), 'en'),
    ).toBe('toString: — → 1 min');
  });
});
