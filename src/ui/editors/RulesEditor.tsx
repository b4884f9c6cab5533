/**
 * Coordination rules (联动规则): every rule of the schema with its switch and all its
 * parameters, drawn from the JSON Schema (SchemaForm) rather than by hand, so a new rule or
 * parameter appears here without a change; only a new rule's name (strings.ts, typed by the
 * rule registry) must be added, and the typecheck asks for it.
 */
import { useState } from 'react';
import { isRuleId } from '../../scenarios/rules/index.ts';
import { useLanguage, useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { useProblemsAt } from './fields.tsx';
import { getIn, setIn, type FocusRequest } from './model.ts';
import { fieldLabel, ObjectFields, schemaAt } from './SchemaForm.tsx';
import type { JsonSchema } from './schemaForm.types.ts';
import { helpText } from './schemaHelpZh.ts';
import { editorStrings } from './strings.ts';

export function RulesEditor({
  schema,
  focus,
}: {
  schema: JsonSchema | null;
  focus: FocusRequest | null;
}) {
  const t = useStrings(editorStrings);
  const rulesSchema = schema && schemaAt(schema, ['rules']);
  if (!rulesSchema?.properties) return <p className="placeholder">{t.schemaLoading}</p>;
  const focusedRule = focus?.path.startsWith('rules.') ? focus.path.split(/[.[]/)[1] : null;
  return (
    <div data-testid="editor-rules">
      <p className="hint">{t.rulesIntro}</p>
      {Object.entries(rulesSchema.properties).map(([rule, ruleSchema]) => (
        <RuleBlock key={rule} rule={rule} schema={ruleSchema} reveal={focusedRule === rule} />
      ))}
    </div>
  );
}

function RuleBlock({
  rule,
  schema,
  reveal,
}: {
  rule: string;
  schema: JsonSchema;
  reveal: boolean;
}) {
  const t = useStrings(editorStrings);
  const language = useLanguage();
  const { workspace, edit } = useWorkspace();
  const [open, setOpen] = useState(false);
  const value = getIn(workspace!.doc, ['rules', rule]);
  const shown = (value ?? schema.default ?? {}) as Record<string, unknown>;
  const switchable = schema.properties?.enabled !== undefined;
  const enabled = shown.enabled === true;
  const name = isRuleId(rule) ? t.ruleName[rule] : fieldLabel(t, rule);
  const problems = useProblemsAt(`rules.${rule}`);
  const expanded = open || reveal;
  const bodyId = `rule-body-${rule}`;
  const help = helpText(schema.description, language);

  return (
    <section
      className={`editors-rule${enabled || !switchable ? ' editors-rule-on' : ''}`}
      data-testid={`rule-${rule}`}
    >
      <div className="editors-rule-head">
        <button
          type="button"
          className="editors-rule-toggle"
          aria-expanded={expanded}
          aria-controls={bodyId}
          title={help}
          onClick={() => setOpen(!expanded)}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {name}
        </button>
        {switchable && (
          <label className="editors-switch">
            <input
              type="checkbox"
              role="switch"
              data-testid={`rule-switch-${rule}`}
              data-path={`rules.${rule}.enabled`}
              checked={enabled}
              onChange={(event) =>
                edit(t.switchRule(name, event.target.checked), (draft) =>
                  setIn(draft, ['rules', rule, 'enabled'], event.target.checked),
                )
              }
            />
            <span>{enabled ? t.ruleOn : t.ruleOff}</span>
          </label>
        )}
      </div>
      {problems.map((message, index) => (
        <p key={index} className="field-error">
          {message}
        </p>
      ))}
      {expanded && (
        <div id={bodyId} className="editors-rule-body">
          <p className="hint">{help}</p>
          <ObjectFields
            schema={schema}
            value={value}
            segments={['rules', rule]}
            skip={['enabled']}
            onChange={(next, what) =>
              edit(t.editRuleField(name, what), (draft) => setIn(draft, ['rules', rule], next))
            }
          />
        </div>
      )}
    </section>
  );
}
