import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/ui/editors/scenarioSchema.ts';
import { helpText, schemaHelpZh } from '../../src/ui/editors/schemaHelpZh.ts';
import type { JsonSchema } from '../../src/ui/editors/schemaForm.types.ts';

/** Where a JSON Schema keyword holds sub-schemas, by the shape it holds them in. */
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs'];
const SCHEMA_LISTS = ['prefixItems', 'oneOf', 'anyOf', 'allOf'];
const SCHEMA_SINGLES = ['items', 'additionalProperties', 'propertyNames', 'not'];

/** Every description in the JSON Schema the editors draw their forms and help from. */
function descriptionsIn(schema: JsonSchema, found = new Set<string>()): Set<string> {
  if (typeof schema.description === 'string') found.add(schema.description);
  const node = schema as Record<string, unknown>;
  const children = [
    ...SCHEMA_MAPS.flatMap((key) => Object.values((node[key] ?? {}) as object)),
    ...SCHEMA_LISTS.flatMap((key) => (node[key] ?? []) as unknown[]),
    ...SCHEMA_SINGLES.map((key) => node[key]),
  ];
  for (const child of children) {
    if (child && typeof child === 'object') descriptionsIn(child as JsonSchema, found);
  }
  return found;
}

const described = descriptionsIn(scenarioJsonSchema);

describe('Chinese help of the scenario fields', () => {
  it('finds the documented fields of the scenario format', () => {
    expect(described.size).toBeGreaterThan(150);
    expect(described).toContain(
      'Rule 1, tiers of partner agencies (004): the tier decides duty hours, added mobilisation and the arrival target (see `targets`). Moving an agency to another tier changes all three.',
    );
  });

  it('translates every description of the schema', () => {
    const untranslated = [...described].filter((text) => !Object.hasOwn(schemaHelpZh, text));
    expect(untranslated).toEqual([]);
  });

  it('keeps no translation of a description the schema no longer has', () => {
    const stale = Object.keys(schemaHelpZh).filter((text) => !described.has(text));
    expect(stale).toEqual([]);
  });

  it('translates into Chinese and keeps field names and seed document numbers', () => {
    for (const [english, chinese] of Object.entries(schemaHelpZh)) {
      expect(chinese, english).toMatch(/[\u4e00-\u9fff]/);
      for (const kept of english.match(/`[^`]+`|\b00\d\b/g) ?? []) {
        expect(chinese, english).toContain(kept);
      }
    }
  });

  it('gives the help in the page language', () => {
    const rule = scenarioJsonSchema.properties?.rules?.properties?.tiers?.description;
    expect(helpText(rule, 'zh')).toMatch(/^规则 1，联动单位分级（004）/);
    expect(helpText(rule, 'en')).toBe(rule);
    expect(helpText('A field nobody translated.', 'zh')).toBe('A field nobody translated.');
    expect(helpText(undefined, 'zh')).toBeUndefined();
  });
});
