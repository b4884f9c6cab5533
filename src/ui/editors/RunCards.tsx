/**
 * Run cards (出动预案): for a district and an incident kind (or every kind), the units to send
 * first, in order, chosen and ordered by name. The file keeps district, kind and unit ids.
 */
import { useLanguage, useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { SelectField } from './fields.tsx';
import { moved, newRunCard, unitChoicesByName, unitLabel } from './formModels.ts';
import { formsStrings } from './formsStrings.ts';
import { asArray, getIn, setIn, textOf } from './model.ts';

export function RunCards() {
  const t = useStrings(formsStrings);
  const language = useLanguage();
  const { workspace, edit } = useWorkspace();
  const doc = workspace!.doc;
  const cards = asArray(getIn(doc, ['dispatch', 'runCards']));
  const nameOf = (list: unknown[], id: string) => {
    const item = list.find((candidate) => textOf(candidate, 'id') === id);
    if (!item) return id;
    return (language === 'en' && textOf(item, 'nameEn')) || textOf(item, 'name') || id;
  };
  const districts = asArray(doc.districts);
  const kinds = asArray(doc.incidentKinds);
  const units = unitChoicesByName(doc, language);
  const unitName = (id: string) => unitLabel(units, id);
  const seen = new Set<string>();

  return (
    <section data-testid="run-cards">
      <h3 className="editors-subtitle">{t.runCardsTitle}</h3>
      <p className="hint">{t.runCardsIntro}</p>
      {cards.length === 0 && <p className="editors-muted">{t.noRunCards}</p>}
      {cards.map((card, index) => {
        const district = textOf(card, 'district');
        const kind = textOf(card, 'kind');
        const key = `${district}|${kind}`;
        const duplicate = seen.has(key);
        seen.add(key);
        const label = t.editRunCard(
          nameOf(districts, district),
          kind ? nameOf(kinds, kind) : t.anyKind,
        );
        const path = `dispatch.runCards[${index}]`;
        const set = (field: string, value: unknown) =>
          edit(label, (draft) => setIn(draft, ['dispatch', 'runCards', index, field], value));
        const listed = asArray(getIn(card, ['units'])).map(String);
        return (
          <fieldset
            key={index}
            className="editors-fieldset run-card"
            data-testid={`run-card-${index}`}
            data-path={path}
          >
            <legend>{label}</legend>
            {duplicate && (
              <p className="field-error" data-testid="run-card-duplicate">
                {t.duplicateCard}
              </p>
            )}
            <div className="run-card-keys">
              <SelectField
                path={`${path}.district`}
                label={t.district}
                value={district}
                choices={districts.map((item) => ({
                  value: textOf(item, 'id'),
                  label: nameOf(districts, textOf(item, 'id')),
                }))}
                onCommit={(value) => set('district', value)}
              />
              <SelectField
                path={`${path}.kind`}
                label={t.kind}
                value={kind}
                choices={[
                  { value: '', label: t.anyKind },
                  ...kinds.map((item) => ({
                    value: textOf(item, 'id'),
                    label: nameOf(kinds, textOf(item, 'id')),
                  })),
                ]}
                onCommit={(value) => set('kind', value === '' ? undefined : value)}
              />
            </div>
            <h4 className="editors-label">{t.units}</h4>
            <ol className="run-card-units">
              {listed.map((unit, position) => (
                <li key={`${unit}-${position}`} data-testid="run-card-unit">
                  <span>{unitName(unit)}</span>{' '}
                  <button
                    type="button"
                    className="editors-small"
                    aria-label={`${t.up} · ${unitName(unit)}`}
                    disabled={position === 0}
                    onClick={() => set('units', moved(listed, position, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="editors-small"
                    aria-label={`${t.down} · ${unitName(unit)}`}
                    disabled={position === listed.length - 1}
                    onClick={() => set('units', moved(listed, position, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="editors-small"
                    aria-label={`${t.remove} · ${unitName(unit)}`}
                    title={listed.length <= 1 ? t.emptyCard : undefined}
                    disabled={listed.length <= 1}
                    data-testid="run-card-unit-remove"
                    onClick={() =>
                      set(
                        'units',
                        listed.filter((_, i) => i !== position),
                      )
                    }
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ol>
            <label className="run-card-add">
              <span className="visually-hidden">{t.addUnitToCard}</span>
              <select
                data-testid={`run-card-add-unit-${index}`}
                value=""
                onChange={(event) =>
                  event.target.value && set('units', [...listed, event.target.value])
                }
              >
                <option value="">{t.addUnitToCard}…</option>
                {units
                  .filter((unit) => !listed.includes(unit.value))
                  .map((unit) => (
                    <option key={unit.value} value={unit.value}>
                      {unit.label}
                    </option>
                  ))}
              </select>
            </label>{' '}
            <button
              type="button"
              className="editors-small"
              data-testid={`run-card-remove-${index}`}
              onClick={() =>
                edit(
                  t.removeRunCardLabel(
                    nameOf(districts, district),
                    kind ? nameOf(kinds, kind) : t.anyKind,
                  ),
                  (draft) =>
                    setIn(
                      draft,
                      ['dispatch', 'runCards'],
                      asArray(getIn(draft, ['dispatch', 'runCards'])).filter((_, i) => i !== index),
                    ),
                )
              }
            >
              {t.removeRunCard}
            </button>
          </fieldset>
        );
      })}
      <p>
        <button
          type="button"
          data-testid="run-card-add"
          onClick={() =>
            edit(t.addRunCardLabel, (draft) =>
              setIn(
                draft,
                ['dispatch', 'runCards'],
                [...asArray(getIn(draft, ['dispatch', 'runCards'])), newRunCard(draft)],
              ),
            )
          }
        >
          {t.addRunCard}
        </button>
      </p>
    </section>
  );
}
