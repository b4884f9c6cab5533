import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isRuleId, RULE_IDS, ruleSchemas } from '../../src/scenarios/rules/index.ts';
import { Rules, Scenario } from '../../src/scenarios/schema.ts';
import { ruleName, SWITCHABLE_RULES } from '../../src/scenarios/variants.ts';
import { editorStrings } from '../../src/ui/editors/strings.ts';
import type { JsonSchema } from '../../src/ui/editors/schemaForm.types.ts';

/** The modules of src/scenarios/rules/, by file name without the extension. */
const ruleFiles = Object.fromEntries(
  Object.entries(import.meta.glob('../../src/scenarios/rules/*.ts', { eager: true })).map(
    ([path, module]) => [path.replace(/^.*\/(\w+)\.ts$/, '$1'), module as Record<string, unknown>],
  ),
);

const rulesJsonSchema = (z.toJSONSchema(Scenario, { io: 'input' }) as JsonSchema).properties!
  .rules as JsonSchema;

describe('the rule registry', () => {
  it('lists 14 distinct rules', () => {
    expect(new Set(RULE_IDS).size).toBe(14);
  });

  it('pairs each rule with the schema of its own file, and no file is left out', () => {
    expect(Object.keys(ruleFiles).sort()).toEqual([...RULE_IDS, 'index'].sort());
    for (const id of RULE_IDS) {
      const exported = Object.values(ruleFiles[id]);
      expect(exported, id).toHaveLength(1);
      expect(exported[0], id).toBe(ruleSchemas[id]);
    }
  });

  it('is the file format’s rules, each defaulted to its parameters’ defaults', () => {
    expect(Object.keys(Rules.shape).sort()).toEqual([...RULE_IDS].sort());
    const defaults = Rules.parse({});
    for (const id of RULE_IDS) expect(defaults[id], id).toEqual(ruleSchemas[id].parse({}));
  });

  it('documents each rule in the JSON Schema, numbered as in RULE_IDS', () => {
    expect(Object.keys(rulesJsonSchema.properties!).sort()).toEqual([...RULE_IDS].sort());
    RULE_IDS.forEach((id, i) => {
      expect(rulesJsonSchema.properties![id].description, id).toMatch(
        new RegExp(`^Rule ${i + 1}, \\S`),
      );
    });
  });

  it('tells rule ids from other keys', () => {
    expect(RULE_IDS.every(isRuleId)).toBe(true);
    expect(isRuleId('targets')).toBe(false);
    expect(isRuleId('__proto__')).toBe(false);
  });
});

describe('the names of the rules in the UI', () => {
  it('has a Chinese and an English name for every rule in the editor', () => {
    for (const id of RULE_IDS) {
      expect(editorStrings.zh.ruleName[id], id).toMatch(/\p{Script=Han}/u);
      expect(editorStrings.en.ruleName[id], id).toMatch(/^[A-Z][^\p{Script=Han}]+$/u);
    }
  });

  it('offers every rule with a switch in the comparison, named in both languages', () => {
    const withSwitch = RULE_IDS.filter((id) => 'enabled' in ruleSchemas[id].shape);
    expect(SWITCHABLE_RULES).toEqual(withSwitch);
    for (const id of SWITCHABLE_RULES) {
      expect(ruleName(id, 'zh'), id).toMatch(/\p{Script=Han}/u);
      expect(ruleName(id, 'en'), id).toMatch(/^[A-Z]/);
    }
  });
});
