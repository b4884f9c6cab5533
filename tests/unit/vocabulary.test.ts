/**
 * One vocabulary: a capability, a severity, a tier, a drill mode, role or measure has the same
 * words in the results, the replay, the training seat and score sheet, and the drill views, in
 * both languages. The words live in src/sim/analysis/terms.ts (the simulator's tokens) and
 * src/drills/labels.ts (the drill format's); a view that keeps a table of its own fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEASURE_LABELS, MODE_LABELS, ROLE_LABELS, SCOPE_LABELS } from '../../src/drills/labels.ts';
import {
  CAPABILITY_WORDS,
  EVENT_KIND_WORDS,
  SEVERITY_WORDS,
  TIER_SHORT_WORDS,
  TIER_WORDS,
  capabilityWords,
} from '../../src/sim/analysis/terms.ts';
import { capabilityLabel as trainingCapability } from '../../src/training/messages.ts';
import {
  capabilityLabel as drillCapability,
  label as drillLabel,
  severityLabel as drillSeverity,
} from '../../src/ui/drill/labels.ts';
import { compareStrings } from '../../src/ui/compare/strings.ts';
import { editorStrings } from '../../src/ui/editors/strings.ts';
import { mapStrings } from '../../src/ui/map/strings.ts';
import { resultsStrings } from '../../src/ui/results/strings.ts';
import { trainingStrings } from '../../src/ui/training/strings.ts';
import { strings } from '../../src/ui/i18n.ts';

const LANGUAGES = ['zh', 'en'] as const;
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

describe('one capability vocabulary', () => {
  const tokens = [...Object.keys(CAPABILITY_WORDS), 'aCapabilityAPlannerInvented'];

  it.each(tokens)('training and drills name %s as the results do', (token) => {
    for (const language of LANGUAGES) {
      const words = capabilityWords(token, language);
      expect(trainingCapability(token)[language], `training, ${language}`).toBe(words);
      expect(drillCapability(token, language), `drills, ${language}`).toBe(words);
    }
  });

  it('names fire and police once, as the glossary would', () => {
    expect(CAPABILITY_WORDS.fire).toEqual({ zh: '灭火救援', en: 'firefighting' });
    expect(CAPABILITY_WORDS.police).toEqual({ zh: '治安警力', en: 'police' });
  });

  /** Every source file a view or the CLI is written in, terms.ts aside. */
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.tsx?$/.test(name) && !path.endsWith(join('analysis', 'terms.ts')) ? [path] : [];
    });
  }

  it('is defined nowhere but in terms.ts', () => {
    // A table of capability words keys a capability token to short { zh: '…' } words (a
    // caller's sentence for an incident kind of the same id is not one); a token that is also a
    // cause or a season (township, maritimeSAR, flood) is left out of the search.
    const shared = new Set(['township', 'maritimeSAR', 'flood']);
    const keys = Object.keys(CAPABILITY_WORDS).filter((token) => !shared.has(token));
    const entry = new RegExp(`\\b(${keys.join('|')})\\s*:\\s*\\{\\s*zh\\s*:\\s*'([^']*)'`, 'g');
    const copies = ['src/ui', 'src/training', 'src/drills', 'src/cli', 'src/worker', 'src/sim']
      .flatMap((dir) => sources(dir))
      .flatMap((path) =>
        [...readFileSync(path, 'utf8').matchAll(entry)]
          .filter(([, , words]) => words.length <= 12 && !/[，。]/.test(words))
          .map(([match]) => `${path}: ${match}`),
      );
    expect(copies).toEqual([]);
  });
});

describe('one word for severities and tiers', () => {
  it('gives the training seat and the drill editor the shared severity words', () => {
    for (const severity of [1, 2, 3, 4] as const) {
      const words = SEVERITY_WORDS[severity];
      expect(trainingStrings.zh.severityNames[severity - 1]).toBe(words.zh);
      expect(trainingStrings.en.severityNames[severity - 1]).toBe(capitalised(words.en));
      expect(drillSeverity(severity, 'zh')).toBe(words.zh);
      expect(drillSeverity(severity, 'en')).toBe(words.en);
    }
  });

  it('names a tier on its own alike in the editors, the comparison, the results and the map', () => {
    for (const tier of [1, 2, 3] as const) {
      const words = TIER_SHORT_WORDS[tier];
      expect(editorStrings.zh.tierName(tier)).toBe(words.zh);
      expect(editorStrings.en.tierName(tier)).toBe(capitalised(words.en));
      expect(compareStrings.zh.tierOption(tier, false)).toBe(words.zh);
      expect(compareStrings.en.tierOption(tier, false)).toBe(capitalised(words.en));
      expect(resultsStrings.zh.tierShort(String(tier))).toBe(words.zh);
      expect(resultsStrings.en.tierShort(String(tier))).toBe(capitalised(words.en));
      expect(mapStrings.zh.tier(tier)).toBe(words.zh);
      expect(mapStrings.en.tier(tier)).toBe(words.en);
    }
  });

  it('names tiers in the results as in terms.ts', () => {
    for (const tier of ['1', '2', '3', 'outside'] as const) {
      expect(strings.zh.tier(tier)).toBe(TIER_WORDS[tier].zh);
      expect(strings.en.tier(tier)).toBe(capitalised(TIER_WORDS[tier].en));
    }
  });
});

describe('the drill view speaks the drill core’s words', () => {
  const tables = [
    ['mode', MODE_LABELS],
    ['role', ROLE_LABELS],
    ['measure', MEASURE_LABELS],
    ['scope', SCOPE_LABELS],
  ] as const;
  it.each(tables)('%s', (kind, core) => {
    for (const [token, words] of Object.entries(core)) {
      expect(drillLabel(kind, token, 'zh')).toBe(words.zh);
      expect(drillLabel(kind, token, 'en')).toBe(capitalised(words.en));
    }
  });

  it('names a step’s scheduled event as the results name the event', () => {
    for (const [kind, words] of Object.entries(EVENT_KIND_WORDS)) {
      expect(drillLabel('command', kind, 'zh')).toBe(words.zh);
      expect(drillLabel('command', kind, 'en')).toBe(capitalised(words.en));
    }
  });

  it('calls a tabletop drill a tabletop exercise, in the glossary’s words', () => {
    expect(drillLabel('mode', 'tabletop', 'en')).toBe('Tabletop exercise');
  });
});
