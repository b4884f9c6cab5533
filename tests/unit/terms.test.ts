/**
 * Every token the simulator shows people has words in both languages: causes, capabilities
 * (those of every built-in scenario), seasons, kinds of scheduled events, incident kinds and
 * rules. Chinese words hold no Latin letters (no token on a Chinese page or printout), English
 * words no Chinese, and neither is the token itself.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import { RULE_IDS } from '../../src/scenarios/rules/index.ts';
import { RULE_NAMES } from '../../src/scenarios/ruleNames.ts';
import { scenarioJsonSchema } from '../../src/ui/editors/scenarioSchema.ts';
import {
  CAPABILITY_WORDS,
  CAUSE_WORDS,
  capabilityToken,
  EVENT_KIND_WORDS,
  INCIDENT_KIND_ENGLISH,
  SEASON_WORDS,
} from '../../src/sim/analysis/terms.ts';
import { CAUSES } from '../../src/sim/trace.ts';
import { formatNeeds, parseNeeds } from '../../src/ui/editors/IncidentsEditor.tsx';
import { parseCapabilities } from '../../src/ui/editors/UnitsEditor.tsx';
import { editorStrings } from '../../src/ui/editors/strings.ts';
import { resultsStrings } from '../../src/ui/results/strings.ts';
import { replayStrings } from '../../src/ui/replay/strings.ts';
import { strings } from '../../src/ui/i18n.ts';

const CJK = /[\u3400-\u9fff]/;
const LATIN = /[A-Za-z]/;

function expectWords(token: string, words: { zh?: string; en?: string } | undefined) {
  expect(words?.zh, `${token} in Chinese`).toBeTruthy();
  expect(words?.en, `${token} in English`).toBeTruthy();
  if (token !== 'none') expect(words!.zh, `${token} in Chinese`).toMatch(CJK);
  expect(words!.zh, `${token} in Chinese`).not.toMatch(LATIN);
  expect(words!.en, `${token} in English`).not.toMatch(CJK);
  // A camelCase token is not English; a plain word ("police") may be its own words.
  if (/[A-Z]/.test(token)) expect(words!.en).not.toBe(token);
}

interface Loose {
  units?: Array<{ capabilities?: string[] }>;
  incidentKinds?: Array<{ id: string; name?: string; needs?: Array<{ capability: string }> }>;
}
const scenarios = builtinScenarios.map((entry) => entry.input as unknown as Loose);
const capabilities = new Set<string>();
for (const scenario of scenarios) {
  for (const unit of scenario.units ?? [])
    for (const c of unit.capabilities ?? []) capabilities.add(c);
  for (const kind of scenario.incidentKinds ?? [])
    for (const need of kind.needs ?? []) capabilities.add(need.capability);
}

/** The enum values of the `season` and event `type` fields in the JSON Schema. */
function schemaEnums(): { seasons: string[]; eventTypes: string[] } {
  const seasons = new Set<string>();
  const eventTypes = new Set<string>();
  const visit = (node: unknown, key: string) => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (key === 'season' && Array.isArray(record.enum)) record.enum.forEach((v) => seasons.add(v));
    if (Array.isArray(record.oneOf)) {
      for (const option of record.oneOf as Array<{
        properties?: { type?: { const?: unknown }; at?: unknown };
      }>) {
        const tag = option?.properties?.type?.const;
        if (typeof tag === 'string' && option.properties?.at) eventTypes.add(tag);
      }
    }
    for (const [child, value] of Object.entries(record)) visit(value, child);
  };
  visit(scenarioJsonSchema, '');
  return { seasons: [...seasons], eventTypes: [...eventTypes] };
}

describe('words for every token', () => {
  it.each([...CAUSES])('cause %s', (cause) => expectWords(cause, CAUSE_WORDS[cause]));

  it.each([...capabilities].sort())('capability %s', (capability) =>
    expectWords(capability, CAPABILITY_WORDS[capability]),
  );

  const { seasons, eventTypes } = schemaEnums();
  it('finds the seasons and event kinds in the schema', () => {
    expect(seasons).toEqual(expect.arrayContaining(['flood', 'forestFire']));
    expect(eventTypes).toEqual(expect.arrayContaining(['closeRoad', 'season', 'callRateFactor']));
  });
  it.each(seasons)('season %s', (season) =>
    expectWords(season, SEASON_WORDS[season as keyof typeof SEASON_WORDS]),
  );
  it.each(eventTypes)('event kind %s', (kind) =>
    expectWords(kind, EVENT_KIND_WORDS[kind as keyof typeof EVENT_KIND_WORDS]),
  );

  const kinds = new Map<string, string>();
  for (const scenario of scenarios)
    for (const kind of scenario.incidentKinds ?? []) kinds.set(kind.id, kind.name ?? '');
  it.each([...kinds].filter(([id]) => id !== 'call'))('incident kind %s', (id, name) =>
    expectWords(id, { zh: name, en: INCIDENT_KIND_ENGLISH[id] }),
  );

  it.each([...RULE_IDS])('rule %s', (rule) => {
    expectWords(rule, RULE_NAMES[rule]);
    // The editor and the comparison give a rule the same name.
    expect(editorStrings.zh.ruleName[rule]).toBe(RULE_NAMES[rule].zh);
    expect(editorStrings.en.ruleName[rule]).toBe(RULE_NAMES[rule].en);
  });

  it('gives the results, the key figures and the replay the same words for a cause', () => {
    for (const cause of CAUSES) {
      for (const language of ['zh', 'en'] as const) {
        const words = CAUSE_WORDS[cause][language];
        expect(resultsStrings[language].causeLabel(cause)).toBe(words);
        expect(strings[language].approvalCause(cause)).toBe(words);
        expect(replayStrings[language].causes[cause]).toBe(words);
      }
    }
  });
});

describe('capabilities typed by their words', () => {
  it('reads words and tokens back to tokens', () => {
    expect(capabilityToken('水域救援')).toBe('waterRescue');
    expect(capabilityToken('water rescue')).toBe('waterRescue');
    expect(capabilityToken('myOwnCapability')).toBe('myOwnCapability');
    expect(parseCapabilities('灭火救援、水域救援, rescue')).toEqual([
      'fire',
      'waterRescue',
      'rescue',
    ]);
  });

  it('writes needs in words and reads them back', () => {
    const needs = [
      { capability: 'fire', units: 2 },
      { capability: 'medical', units: 1 },
    ];
    expect(formatNeeds(needs, 'zh')).toBe('灭火救援×2、医疗急救×1');
    expect(parseNeeds(formatNeeds(needs, 'zh'))).toEqual(needs);
    expect(parseNeeds(formatNeeds(needs, 'en'))).toEqual(needs);
    expect(parseNeeds('expert advice x 2, fire x3')).toEqual([
      { capability: 'expert', units: 2 },
      { capability: 'fire', units: 3 },
    ]);
  });
});
