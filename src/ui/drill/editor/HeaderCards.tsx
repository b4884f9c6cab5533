/**
 * The drill's cover (演练概况), objectives (演练目标), participants and roles (参演单位与角色) and
 * phases (演练阶段): forms and small tables over the drill document.
 */
import {
  DRILL_MODES,
  DRILL_PURPOSES,
  DRILL_SCOPES,
  PARTICIPANT_ROLES,
} from '../../../drills/schema.ts';
import { RULE_IDS } from '../../../scenarios/rules/index.ts';
import { editorStrings } from '../../editors/strings.ts';
import { useLanguage, useStrings } from '../../i18n.ts';
import { useDrill } from '../DrillContext.tsx';
import { valueAt } from '../drillHistory.ts';
import { label } from '../labels.ts';
import type { ScenarioLists } from '../scenarioLists.ts';
import { drillStrings } from '../strings.ts';
import {
  CheckField,
  MultiField,
  NumberField,
  SelectField,
  TextField,
  type Option,
} from './DrillFields.tsx';
import { ListButtons, useListEdit } from './lists.tsx';

export function HeaderCard() {
  const t = useStrings(drillStrings);
  const language = useLanguage();
  const options = (kind: 'mode' | 'scope' | 'purpose', values: readonly string[]): Option[] =>
    values.map((value) => ({ value, label: label(kind, value, language) }));
  return (
    <section className="card drill-card" aria-labelledby="drill-header-heading">
      <h3 id="drill-header-heading">{t.header}</h3>
      <div className="drill-grid">
        <TextField path="header.name" label={t.name} testId="drill-name" className="wide" />
        <TextField path="id" label={t.drillId} testId="drill-id" />
        <TextField path="header.organiser" label={t.organiser} />
        <TextField path="header.date" label={t.date} testId="drill-date" />
        <TextField path="header.place" label={t.place} />
        <SelectField
          path="header.mode"
          label={t.mode}
          options={options('mode', DRILL_MODES)}
          testId="drill-mode"
        />
        <SelectField path="header.scope" label={t.scope} options={options('scope', DRILL_SCOPES)} />
        <SelectField
          path="header.purpose"
          label={t.purpose}
          options={options('purpose', DRILL_PURPOSES)}
        />
        <CheckField path="header.scripted" label={t.scripted} />
        <TextField path="header.version" label={t.version} />
        <TextField path="header.preparedBy" label={t.preparedBy} />
        <TextField path="header.reviewedBy" label={t.reviewedBy} />
        <TextField path="header.approvedBy" label={t.approvedBy} />
        <NumberField path="clock.start" label={t.clockStart} unit={t.minutes} scale={60} min={0} />
        <NumberField path="clock.horizon" label={t.horizon} unit={t.minutes} scale={60} min={1} />
        <NumberField path="clock.deadAir" label={t.deadAir} unit={t.minutes} scale={60} min={1} />
        <TextField path="description" label={t.description} multiline rows={3} className="full" />
      </div>
    </section>
  );
}

export function ObjectivesCard({ lists }: { lists: ScenarioLists }) {
  const t = useStrings(drillStrings);
  const ruleNames = useStrings(editorStrings).ruleName;
  const { workspace } = useDrill();
  const objectives = (valueAt(workspace?.doc, 'objectives') as unknown[] | undefined) ?? [];
  const list = useListEdit('objectives', t.objectives);
  const agencyOptions = lists.agencies.map((a) => ({ value: a.id, label: a.name }));
  const ruleOptions = RULE_IDS.map((id) => ({ value: id, label: ruleNames[id] }));
  return (
    <section className="card drill-card" aria-labelledby="drill-objectives-heading">
      <h3 id="drill-objectives-heading">{t.objectives}</h3>
      <p className="hint">{t.objectiveHint}</p>
      <ol className="drill-rows">
        {objectives.map((_, index) => (
          <li key={index} className="drill-row" data-testid="objective-row">
            <div className="drill-grid">
              <TextField path={`objectives[${index}].id`} label={t.idLabel} />
              <TextField
                path={`objectives[${index}].text`}
                label={t.objective}
                multiline
                className="wide"
              />
            </div>
            <details>
              <summary>
                {t.objectiveAgencies} · {t.objectiveRules}
              </summary>
              <MultiField
                path={`objectives[${index}].agencies`}
                label={t.objectiveAgencies}
                options={agencyOptions}
              />
              <MultiField
                path={`objectives[${index}].rules`}
                label={t.objectiveRules}
                options={ruleOptions}
              />
            </details>
            <ListButtons list={list} index={index} count={objectives.length} />
          </li>
        ))}
      </ol>
      <button
        type="button"
        data-testid="add-objective"
        onClick={() => list.add({ id: list.freshId('o'), text: '', agencies: [], rules: [] })}
      >
        {t.addObjective}
      </button>
    </section>
  );
}

export function ParticipantsCard({ lists }: { lists: ScenarioLists }) {
  const t = useStrings(drillStrings);
  const language = useLanguage();
  const { workspace } = useDrill();
  const participants = (valueAt(workspace?.doc, 'participants') as unknown[] | undefined) ?? [];
  const list = useListEdit('participants', t.participants);
  const agencyOptions = lists.agencies.map((a) => ({ value: a.id, label: a.name }));
  const roleOptions = PARTICIPANT_ROLES.map((role) => ({
    value: role,
    label: label('role', role, language),
  }));
  const taken = new Set(participants.map((p) => (p as { agency?: string }).agency).filter(Boolean));
  const nextAgency = lists.agencies.find((a) => !taken.has(a.id))?.id ?? '';
  return (
    <section className="card drill-card" aria-labelledby="drill-participants-heading">
      <h3 id="drill-participants-heading">{t.participants}</h3>
      <table className="drill-table">
        <thead>
          <tr>
            <th>{t.agency}</th>
            <th>{t.roles}</th>
            <th>{t.peopleCount}</th>
            <th>{t.task}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {participants.map((_, index) => (
            <tr key={index} data-testid="participant-row">
              <td>
                <SelectField
                  path={`participants[${index}].agency`}
                  label={t.agency}
                  hideLabel
                  options={agencyOptions}
                />
              </td>
              <td>
                <MultiField
                  path={`participants[${index}].roles`}
                  label={t.roles}
                  hideLabel
                  options={roleOptions}
                  className="inline"
                />
              </td>
              <td>
                <NumberField
                  path={`participants[${index}].people`}
                  label={t.peopleCount}
                  hideLabel
                  optional
                  min={0}
                />
              </td>
              <td>
                <TextField path={`participants[${index}].task`} label={t.task} hideLabel />
              </td>
              <td>
                <ListButtons list={list} index={index} count={participants.length} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        data-testid="add-participant"
        disabled={!nextAgency}
        onClick={() => list.add({ agency: nextAgency, roles: ['play'], task: '' })}
      >
        {t.addParticipant}
      </button>
    </section>
  );
}

export function PhasesCard() {
  const t = useStrings(drillStrings);
  const { workspace } = useDrill();
  const phases = (valueAt(workspace?.doc, 'phases') as unknown[] | undefined) ?? [];
  const list = useListEdit('phases', t.phases);
  return (
    <section className="card drill-card" aria-labelledby="drill-phases-heading">
      <h3 id="drill-phases-heading">{t.phases}</h3>
      <ol className="drill-rows">
        {phases.map((_, index) => (
          <li key={index} className="drill-row" data-testid="phase-row">
            <div className="drill-grid">
              <TextField path={`phases[${index}].id`} label={t.idLabel} />
              <TextField path={`phases[${index}].name`} label={t.phaseName} className="wide" />
              <TextField
                path={`phases[${index}].brief`}
                label={t.brief}
                multiline
                className="full"
              />
            </div>
            <ListButtons list={list} index={index} count={phases.length} />
          </li>
        ))}
      </ol>
      <button
        type="button"
        data-testid="add-phase"
        onClick={() =>
          list.add({ id: list.freshId('p'), name: `${t.phase} ${phases.length + 1}`, brief: '' })
        }
      >
        {t.addPhase}
      </button>
    </section>
  );
}
