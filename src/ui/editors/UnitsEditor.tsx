/**
 * Units and bases (力量与驻地): the response units in a table (agency, base, vehicles, crew,
 * capabilities; mobilisation, duty hours and id under "details"), adding and removing units,
 * and the bases with their locations. A base chosen on the map narrows the units to it.
 */
import { Fragment, useState } from 'react';
import { capabilityToken, capabilityWords } from '../../sim/analysis/terms.ts';
import { useLanguage, useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { EnglishNameField } from './EnglishNameField.tsx';
import { DetailsToggle, NumberField, SelectField, TextField } from './fields.tsx';
import { type FocusRequest, asArray, freshId, getIn, parsePath, setIn, textOf } from './model.ts';
import { ObjectFields, schemaAt } from './SchemaForm.tsx';
import type { JsonSchema } from './schemaForm.types.ts';
import { editorStrings } from './strings.ts';

/** "灭火、水上救援" or "fire, rescue" → tokens; words may hold spaces, so only commas split. */
export function parseCapabilities(text: string): string[] {
  return text
    .split(/[,，、;；]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map(capabilityToken);
}

/** Rows drawn at once: a city-scale scenario has thousands of units; the filter finds the rest. */
const MAX_ROWS = 150;

/** Columns of the table; the unit's other fields are under "details". */
const TABLE_FIELDS = ['name', 'agency', 'base', 'count', 'crew', 'capabilities'];

export function UnitsEditor({
  schema,
  selectedBase,
  onSelectBase,
  focus,
}: {
  schema: JsonSchema | null;
  selectedBase: string | null;
  onSelectBase(id: string | null): void;
  /** A field the error list wants shown: its unit is revealed and its details opened. */
  focus: FocusRequest | null;
}) {
  const t = useStrings(editorStrings);
  const language = useLanguage();
  const { workspace, edit } = useWorkspace();
  const doc = workspace!.doc;
  const units = asArray(doc.units);
  const bases = asArray(doc.bases);
  const agencies = asArray(doc.agencies);
  const [filter, setFilter] = useState('');
  const [openUnit, setOpenUnit] = useState<number | null>(null);

  // A new request from the error list: clear the filter that may hide its unit, open details.
  const [seenFocus, setSeenFocus] = useState(focus);
  if (focus !== seenFocus) {
    setSeenFocus(focus);
    const [top, index, field] = focus ? parsePath(focus.path) : [];
    if (top === 'units' && typeof index === 'number') {
      setFilter('');
      if (typeof field === 'string' && !TABLE_FIELDS.includes(field)) setOpenUnit(index);
    }
  }

  const needle = filter.trim().toLowerCase();
  const matching = units
    .map((unit, index) => ({ unit, index }))
    .filter(({ unit }) => !selectedBase || textOf(unit, 'base') === selectedBase)
    .filter(
      ({ unit }) =>
        !needle ||
        [
          textOf(unit, 'id'),
          textOf(unit, 'name'),
          ...asArray(getIn(unit, ['capabilities'])).map(String),
        ]
          .join(' ')
          .toLowerCase()
          .includes(needle),
    );
  const shown = matching.slice(0, MAX_ROWS);

  const agencyChoices = agencies.map((agency) => ({
    value: textOf(agency, 'id'),
    label: textOf(agency, 'name') || textOf(agency, 'id'),
  }));
  const baseChoices = bases.map((base) => ({
    value: textOf(base, 'id'),
    label: textOf(base, 'name') || textOf(base, 'id'),
  }));
  const baseName = (id: string) => baseChoices.find((choice) => choice.value === id)?.label ?? id;

  const addUnit = () => {
    const base = selectedBase ?? baseChoices[0]?.value ?? '';
    const id = freshId(
      `${base || 'unit'}-new`,
      units.map((unit) => textOf(unit, 'id')),
    );
    const name = t.newUnitName;
    edit(t.addUnitLabel(name), (draft) => {
      const list = asArray(draft.units);
      list.push({
        id,
        name,
        agency: agencyChoices[0]?.value ?? '',
        base,
        count: 1,
        crew: 4,
        capabilities: ['fire'],
      });
      draft.units = list;
    });
    setOpenUnit(units.length);
  };

  const unitSchema = schema && schemaAt(schema, ['units', 0]);

  return (
    <div data-testid="editor-units">
      <div className="editors-toolbar">
        <label className="editors-inline">
          <span>{t.filterUnits}</span>
          <input
            type="search"
            data-testid="unit-filter"
            value={filter}
            placeholder={t.filterPlaceholder}
            onChange={(event) => setFilter(event.target.value)}
          />
        </label>
        <label className="editors-inline">
          <span>{t.onlyBase}</span>
          <select
            data-testid="unit-base-filter"
            value={selectedBase ?? ''}
            onChange={(event) => onSelectBase(event.target.value || null)}
          >
            <option value="">{t.allBases}</option>
            {baseChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="add-unit" onClick={addUnit}>
          {t.addUnit}
        </button>
      </div>
      <p className="hint" data-testid="units-shown">
        {t.shownUnits(shown.length, units.length)}
      </p>
      <table className="editors-table editors-units-table">
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.agency}</th>
            <th scope="col">{t.base}</th>
            <th scope="col">{t.count}</th>
            <th scope="col">{t.crew}</th>
            <th scope="col" title={t.capabilitiesHint}>
              {t.capabilities}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t.details}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ unit, index }) => {
            const id = textOf(unit, 'id');
            const name = textOf(unit, 'name') || id;
            const at = (field: string) => `units[${index}].${field}`;
            const set = (label: string, field: string, value: unknown) =>
              edit(label, (draft) => setIn(draft, ['units', index, field], value));
            const open = openUnit === index;
            const count = getIn(unit, ['count']);
            const crew = getIn(unit, ['crew']);
            return (
              <Fragment key={index}>
                <tr data-testid={`unit-row-${id}`}>
                  <td>
                    <TextField
                      path={at('name')}
                      label={`${t.name} · ${name}`}
                      hideLabel
                      value={textOf(unit, 'name')}
                      onCommit={(text) => set(t.editUnitField(name, t.name), 'name', text)}
                    />
                    <EnglishNameField at={['units', index]} entry={unit} name={name} />
                  </td>
                  <td>
                    <SelectField
                      path={at('agency')}
                      label={`${t.agency} · ${name}`}
                      hideLabel
                      value={textOf(unit, 'agency')}
                      choices={agencyChoices}
                      onCommit={(value) => set(t.editUnitField(name, t.agency), 'agency', value)}
                    />
                  </td>
                  <td>
                    <SelectField
                      path={at('base')}
                      label={`${t.base} · ${name}`}
                      hideLabel
                      value={textOf(unit, 'base')}
                      choices={baseChoices}
                      onCommit={(value) =>
                        set(
                          t.editUnitValue(
                            name,
                            t.base,
                            baseName(textOf(unit, 'base')),
                            baseName(value),
                          ),
                          'base',
                          value,
                        )
                      }
                    />
                  </td>
                  <td className="editors-narrow">
                    <NumberField
                      path={at('count')}
                      label={`${t.count} · ${name}`}
                      hideLabel
                      optional
                      value={typeof count === 'number' ? count : undefined}
                      onCommit={(value) =>
                        set(
                          t.editUnitValue(name, t.count, String(count ?? 1), String(value ?? 1)),
                          'count',
                          value,
                        )
                      }
                    />
                  </td>
                  <td className="editors-narrow">
                    <NumberField
                      path={at('crew')}
                      label={`${t.crew} · ${name}`}
                      hideLabel
                      optional
                      value={typeof crew === 'number' ? crew : undefined}
                      onCommit={(value) =>
                        set(
                          t.editUnitValue(name, t.crew, String(crew ?? 4), String(value ?? 4)),
                          'crew',
                          value,
                        )
                      }
                    />
                  </td>
                  <td>
                    <TextField
                      path={at('capabilities')}
                      label={`${t.capabilities} · ${name}`}
                      hideLabel
                      value={asArray(getIn(unit, ['capabilities']))
                        .map((token) => capabilityWords(String(token), language))
                        .join(language === 'zh' ? '、' : ', ')}
                      onCommit={(text) =>
                        set(
                          t.editUnitField(name, t.capabilities),
                          'capabilities',
                          parseCapabilities(text),
                        )
                      }
                    />
                  </td>
                  <td>
                    <DetailsToggle
                      open={open}
                      testId={`unit-details-${id}`}
                      onToggle={() => setOpenUnit(open ? null : index)}
                    />
                  </td>
                </tr>
                {open && (
                  <tr className="editors-details-row">
                    <td colSpan={7}>
                      <ObjectFields
                        schema={unitSchema}
                        value={unit}
                        segments={['units', index]}
                        skip={TABLE_FIELDS}
                        onChange={(next, what) =>
                          edit(t.editUnitField(name, what), (draft) =>
                            setIn(draft, ['units', index], next),
                          )
                        }
                      />
                      <button
                        type="button"
                        className="editors-danger"
                        data-testid={`remove-unit-${id}`}
                        onClick={() => {
                          setOpenUnit(null);
                          edit(t.removeUnitLabel(name), (draft) => {
                            draft.units = asArray(draft.units).filter((_, i) => i !== index);
                          });
                        }}
                      >
                        {t.removeUnit}
                      </button>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>

      <h3 className="editors-subtitle">{t.basesTitle}</h3>
      <table className="editors-table">
        <thead>
          <tr>
            <th scope="col">{t.onMap}</th>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.longitude}</th>
            <th scope="col">{t.latitude}</th>
          </tr>
        </thead>
        <tbody>
          {bases.slice(0, MAX_ROWS * 2).map((base, index) => {
            const id = textOf(base, 'id');
            const name = textOf(base, 'name') || id;
            const location = asArray(getIn(base, ['location']));
            const setBase = (label: string, segments: Array<string | number>, value: unknown) =>
              edit(t.editBaseField(name, label), (draft) =>
                setIn(draft, ['bases', index, ...segments], value),
              );
            return (
              <tr
                key={index}
                data-testid={`base-row-${id}`}
                className={selectedBase === id ? 'editors-selected' : undefined}
              >
                <td>
                  <button
                    type="button"
                    className="editors-link"
                    title={`${t.id}：${id}`}
                    aria-label={t.showBase(name)}
                    onClick={() => onSelectBase(id)}
                  >
                    {t.show}
                  </button>
                </td>
                <td>
                  <TextField
                    path={`bases[${index}].name`}
                    label={`${t.name} · ${name}`}
                    hideLabel
                    value={textOf(base, 'name')}
                    onCommit={(text) => setBase(t.name, ['name'], text)}
                  />
                  <EnglishNameField at={['bases', index]} entry={base} name={name} />
                </td>
                {[t.longitude, t.latitude].map((label, axis) => (
                  <td key={axis} className="editors-narrow">
                    <NumberField
                      path={`bases[${index}].location[${axis}]`}
                      label={`${label} · ${name}`}
                      hideLabel
                      value={typeof location[axis] === 'number' ? location[axis] : undefined}
                      onCommit={(value) => setBase(label, ['location', axis], value)}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
