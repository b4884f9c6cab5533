/**
 * A form that adds one change to a variant, its choices filled from the base scenario: agencies,
 * units, bases, rules and their delays, incident kinds.
 */
import { useId, useState } from 'react';
import {
  centralValue,
  DELAY_IDS,
  delayIn,
  delayName,
  ruleEnabled,
  ruleName,
  SWITCHABLE_RULES,
  type DelayId,
  type SwitchableRule,
  type Tier,
  type VariantOperation,
} from '../../scenarios/variants.ts';
import { displayName, localeOf, useLanguage, useStrings } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import { compareStrings } from './strings.ts';

type OperationType = VariantOperation['type'];
const OPERATION_TYPES: OperationType[] = [
  'agencyTier',
  'unitCount',
  'unitCrew',
  'addUnit',
  'delay',
  'rule',
  'callVolume',
];

interface Choice {
  id: string;
  name: string;
}
interface AgencyChoice extends Choice {
  tier: number;
}
interface UnitChoice extends Choice {
  base: string;
  count: number;
  crew: number;
}

function choices<T>(
  doc: ScenarioDoc,
  key: string,
  read: (entry: Record<string, unknown>) => T,
): T[] {
  const list = doc[key];
  if (!Array.isArray(list)) return [];
  return list.filter((entry) => entry && typeof entry.id === 'string').map(read);
}

/** The stored choice while the scenario still has it, else its first: the scenario may have changed since. */
const chosen = (stored: string, list: readonly Choice[]) =>
  list.some((c) => c.id === stored) ? stored : (list[0]?.id ?? '');

/** A delay's current value in seconds; NaN where the scenario has it malformed (mid-edit). */
const delaySeconds = (doc: ScenarioDoc, delay: DelayId) => centralValue(delayIn(doc, delay));
const minutesText = (seconds: number) => (Number.isFinite(seconds) ? String(seconds / 60) : '');

const text = (value: unknown, fallback: string) =>
  typeof value === 'string' && value ? value : fallback;
const whole = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);

/** The form's fields as typed; turned into an operation only when added. */
interface Fields {
  agency: string;
  tier: string;
  unit: string;
  count: string;
  crew: string;
  base: string;
  delay: DelayId;
  minutes: string;
  rule: SwitchableRule;
  enabled: string;
  factor: string;
  kind: string;
}

export function OperationForm({
  doc,
  testId,
  onAdd,
}: {
  doc: ScenarioDoc;
  testId: string;
  onAdd(operation: VariantOperation): void;
}) {
  const t = useStrings(compareStrings);
  const language = useLanguage();
  const id = useId();
  const agencies = choices<AgencyChoice>(doc, 'agencies', (a) => ({
    id: a.id as string,
    name: displayName(a.id as string, text(a.name, ''), language, text(a.nameEn, '')),
    tier: whole(a.tier, 1),
  }));
  const bases = choices<Choice>(doc, 'bases', (b) => ({
    id: b.id as string,
    name: displayName(b.id as string, text(b.name, ''), language, text(b.nameEn, '')),
  }));
  const baseName = (base: string) => bases.find((b) => b.id === base)?.name ?? base;
  const units = choices<UnitChoice>(doc, 'units', (u) => ({
    id: u.id as string,
    name: displayName(u.id as string, text(u.name, ''), language, text(u.nameEn, '')),
    base: String(u.base),
    count: whole(u.count, 1),
    crew: whole(u.crew, 4),
  }));
  const kinds = choices<Choice>(doc, 'incidentKinds', (k) => ({
    id: k.id as string,
    name: displayName(k.id as string, text(k.name, ''), language, text(k.nameEn, '')),
  }));

  const [type, setType] = useState<OperationType>('agencyTier');
  const [stored, setStored] = useState<Fields>(() => {
    const delay = DELAY_IDS.find((d) => Number.isFinite(delaySeconds(doc, d))) ?? DELAY_IDS[0];
    return {
      agency: agencies[0]?.id ?? '',
      tier: String(agencies[0]?.tier === 2 ? 1 : 2),
      unit: units[0]?.id ?? '',
      count: String(Math.max(0, (units[0]?.count ?? 1) - 1)),
      crew: String(units[0]?.crew ?? 4),
      base: bases[0]?.id ?? '',
      delay,
      minutes: minutesText(delaySeconds(doc, delay)),
      rule: SWITCHABLE_RULES[0],
      enabled: String(!ruleEnabled(doc, SWITCHABLE_RULES[0])),
      factor: '1.2',
      kind: '',
    };
  });
  // The form outlives a change of scenario: a stored id the scenario no longer has falls back
  // to what the select shows, so "Add" targets what the planner sees.
  const fields: Fields = {
    ...stored,
    agency: chosen(stored.agency, agencies),
    unit: chosen(stored.unit, units),
    base: chosen(stored.base, bases),
    kind: kinds.some((k) => k.id === stored.kind) ? stored.kind : '',
  };
  const delayMalformed = !Number.isFinite(delaySeconds(doc, fields.delay));
  const [invalid, setInvalid] = useState(false);
  const set = (changes: Partial<Fields>) => {
    setInvalid(false);
    setStored((previous) => ({ ...previous, ...changes }));
  };
  const minutesFormat = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 });
  const minutesOf = (seconds: number) =>
    Number.isFinite(seconds)
      ? `${minutesFormat.format(seconds / 60)} ${t.minutes}`
      : t.malformedOption;

  // A number the planner typed, or null: the operation itself checks the range.
  const numberOf = (value: string) => (/^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : null);

  const operation = (): VariantOperation | null => {
    const count = numberOf(fields.count);
    switch (type) {
      case 'agencyTier':
        return { type, agency: fields.agency, tier: Number(fields.tier) as Tier };
      case 'unitCount':
        return count === null ? null : { type, unit: fields.unit, count };
      case 'unitCrew': {
        const crew = numberOf(fields.crew);
        return crew === null ? null : { type, unit: fields.unit, crew };
      }
      case 'addUnit':
        return count === null ? null : { type, template: fields.unit, base: fields.base, count };
      case 'delay': {
        const minutes = delayMalformed ? null : numberOf(fields.minutes);
        return minutes === null ? null : { type, delay: fields.delay, seconds: minutes * 60 };
      }
      case 'rule':
        return { type, rule: fields.rule, enabled: fields.enabled === 'true' };
      case 'callVolume': {
        const factor = numberOf(fields.factor);
        if (factor === null) return null;
        return fields.kind ? { type, factor, kind: fields.kind } : { type, factor };
      }
    }
  };

  const chooseType = (next: OperationType) => {
    setType(next);
    const unit = units.find((u) => u.id === fields.unit);
    // Sensible starting values for the new kind of change.
    if (next === 'unitCount') set({ count: String(Math.max(0, (unit?.count ?? 1) - 1)) });
    if (next === 'addUnit') set({ count: '1' });
  };

  const chooseUnit = (unitId: string) => {
    const unit = units.find((u) => u.id === unitId);
    set({
      unit: unitId,
      count: type === 'addUnit' ? fields.count : String(Math.max(0, (unit?.count ?? 1) - 1)),
      crew: String(unit?.crew ?? 4),
    });
  };

  const field = (name: string) => `${id}-${name}`;
  const unitSelect = (label: string) => (
    <label>
      <span>{label}</span>
      <select
        data-testid={`${testId}-unit`}
        value={fields.unit}
        onChange={(e) => chooseUnit(e.target.value)}
      >
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {t.unitOption(u.name, u.count, u.crew, baseName(u.base))}
          </option>
        ))}
      </select>
    </label>
  );
  const numberInput = (
    name: 'count' | 'crew' | 'minutes' | 'factor',
    label: string,
    min: number,
  ) => (
    <label>
      <span>{label}</span>
      <input
        id={field(name)}
        data-testid={`${testId}-${name}`}
        type="number"
        min={min}
        step="any"
        value={fields[name]}
        aria-invalid={invalid}
        onChange={(e) => set({ [name]: e.target.value })}
      />
    </label>
  );

  return (
    <form
      className="compare-operation-form"
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        const made = operation();
        if (made) onAdd(made);
        else if (!(type === 'delay' && delayMalformed)) setInvalid(true);
      }}
    >
      <label>
        <span>{t.addOperation}</span>
        <select
          data-testid={`${testId}-type`}
          aria-label={t.operationType}
          value={type}
          onChange={(e) => chooseType(e.target.value as OperationType)}
        >
          {OPERATION_TYPES.map((option) => (
            <option key={option} value={option}>
              {t.operationTypes[option]}
            </option>
          ))}
        </select>
      </label>

      {type === 'agencyTier' && (
        <>
          <label>
            <span>{t.agency}</span>
            <select
              data-testid={`${testId}-agency`}
              value={fields.agency}
              onChange={(e) => {
                const agency = agencies.find((a) => a.id === e.target.value);
                set({ agency: e.target.value, tier: String(agency?.tier === 2 ? 1 : 2) });
              }}
            >
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t.tier}</span>
            <select
              data-testid={`${testId}-tier`}
              value={fields.tier}
              onChange={(e) => set({ tier: e.target.value })}
            >
              {[1, 2, 3].map((tier) => (
                <option key={tier} value={tier}>
                  {t.tierOption(tier, agencies.find((a) => a.id === fields.agency)?.tier === tier)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}

      {type === 'unitCount' && (
        <>
          {unitSelect(t.unit)}
          {numberInput('count', t.vehicles, 0)}
        </>
      )}
      {type === 'unitCrew' && (
        <>
          {unitSelect(t.unit)}
          {numberInput('crew', t.crew, 0)}
        </>
      )}
      {type === 'addUnit' && (
        <>
          {unitSelect(t.template)}
          <label>
            <span>{t.base}</span>
            <select
              data-testid={`${testId}-base`}
              value={fields.base}
              onChange={(e) => set({ base: e.target.value })}
            >
              {bases.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          {numberInput('count', t.count, 1)}
        </>
      )}

      {type === 'delay' && (
        <>
          <label>
            <span>{t.delay}</span>
            <select
              data-testid={`${testId}-delay`}
              value={fields.delay}
              onChange={(e) => {
                const delay = e.target.value as DelayId;
                set({ delay, minutes: minutesText(delaySeconds(doc, delay)) });
              }}
            >
              {DELAY_IDS.map((delay) => {
                const seconds = delaySeconds(doc, delay);
                return (
                  <option key={delay} value={delay} disabled={!Number.isFinite(seconds)}>
                    {t.delayOption(
                      delayName(delay, language),
                      minutesOf(seconds),
                      ruleEnabled(doc, delay.split('.')[0] as SwitchableRule),
                    )}
                  </option>
                );
              })}
            </select>
          </label>
          {delayMalformed ? (
            <p className="field-error" role="alert" data-testid={`${testId}-delay-malformed`}>
              {t.delayMalformed}
            </p>
          ) : (
            numberInput('minutes', t.delayMinutes, 0)
          )}
        </>
      )}

      {type === 'rule' && (
        <>
          <label>
            <span>{t.rule}</span>
            <select
              data-testid={`${testId}-rule`}
              value={fields.rule}
              onChange={(e) => {
                const rule = e.target.value as SwitchableRule;
                set({ rule, enabled: String(!ruleEnabled(doc, rule)) });
              }}
            >
              {SWITCHABLE_RULES.map((rule) => (
                <option key={rule} value={rule}>
                  {t.ruleOption(ruleName(rule, language), ruleEnabled(doc, rule))}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t.switchTo}</span>
            <select
              data-testid={`${testId}-enabled`}
              value={fields.enabled}
              onChange={(e) => set({ enabled: e.target.value })}
            >
              <option value="true">{t.on}</option>
              <option value="false">{t.off}</option>
            </select>
          </label>
        </>
      )}

      {type === 'callVolume' && (
        <>
          {numberInput('factor', t.factor, 0)}
          <label>
            <span>{t.kind}</span>
            <select
              data-testid={`${testId}-kind`}
              value={fields.kind}
              onChange={(e) => set({ kind: e.target.value })}
            >
              <option value="">{t.allKinds}</option>
              {kinds.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
            </select>
          </label>
          <p className="hint">{t.factorHint}</p>
        </>
      )}

      {invalid && (
        <p className="field-error" role="alert">
          {t.invalidNumber}
        </p>
      )}
      <button
        type="submit"
        data-testid={`${testId}-add`}
        disabled={type === 'delay' && delayMalformed}
      >
        {t.add}
      </button>
    </form>
  );
}
