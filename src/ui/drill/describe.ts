/**
 * Sentences about a drill's parts, for the screen and the printouts (pure): when a step is
 * released, what its command does in the simulation, what an expected action is judged by.
 * Names come from the scenario (agencies, kinds, districts, units), never ids on a Chinese page.
 */
import type { DrillCommand, Measure, Step, Timing } from '../../drills/schema.ts';
import { replayStrings } from '../replay/strings.ts';
import type { Language } from '../i18n.ts';
import { drillClock } from './consoleModel.ts';
import { capabilityLabel, label, responseLevelLabel, severityLabel } from './labels.ts';
import { nameOf, type ScenarioLists } from './scenarioLists.ts';

type StepRef = Pick<Step, 'id' | 'title'>;

/** "环节 2" / "step 2" with its title, for a step referred to by id. */
export function stepName(steps: readonly StepRef[], id: string, language: Language): string {
  const index = steps.findIndex((step) => step.id === id);
  if (index < 0) return id;
  const number = index + 1;
  return language === 'zh'
    ? `环节 ${number}（${steps[index].title}）`
    : `step ${number} (${steps[index].title})`;
}

export function timingText(
  timing: Timing,
  steps: readonly StepRef[],
  lists: ScenarioLists,
  language: Language,
): string {
  const zh = language === 'zh';
  const delay = (seconds: number) =>
    seconds > 0
      ? zh
        ? ` + ${Math.round(seconds / 60)} 分钟`
        : ` + ${Math.round(seconds / 60)} min`
      : '';
  switch (timing.type) {
    case 'at':
      return drillClock(timing.at);
    case 'after':
      return zh
        ? `${stepName(steps, timing.step, language)}下达后${delay(timing.delay ?? 0)}`
        : `after ${stepName(steps, timing.step, language)}${delay(timing.delay ?? 0)}`;
    case 'when':
      return zh
        ? `当${stepName(steps, timing.step, language)}：${measureText(timing.condition, lists, language)}${delay(timing.delay ?? 0)}`
        : `when ${stepName(steps, timing.step, language)}: ${measureText(timing.condition, lists, language)}${delay(timing.delay ?? 0)}`;
    case 'manual':
      return label('timing', 'manual', language);
  }
}

/** What is measured: "消防救援 首支力量到场", "≥ 30 名 民兵 到场", "审批完成（经军地联合办公室申请兵力）". */
export function measureText(
  measure: Partial<Measure> & { what: Measure['what'] },
  lists: ScenarioLists,
  language: Language,
): string {
  const zh = language === 'zh';
  const who = [
    measure.agency ? nameOf(lists.agencies, measure.agency) : '',
    measure.capability ? capabilityLabel(measure.capability, language) : '',
  ]
    .filter(Boolean)
    .join(zh ? '' : ' ');
  const what = label('measure', measure.what, language);
  const cause = measure.cause
    ? ((replayStrings[language].causes as Record<string, string>)[measure.cause] ?? measure.cause)
    : '';
  if (measure.what === 'arrivals') {
    const count = measure.count ?? 1;
    const unit = label('countOf', measure.countOf ?? 'units', language);
    return zh
      ? `${who || '力量'}到场 ≥ ${count} ${unit}`
      : `≥ ${count} ${unit} of ${who || 'units'} on scene`;
  }
  const base = who ? (zh ? `${who}${what}` : `${who}: ${what.toLowerCase()}`) : what;
  return cause ? (zh ? `${base}（${cause}）` : `${base} (${cause})`) : base;
}

export function commandText(
  command: DrillCommand | undefined,
  lists: ScenarioLists,
  language: Language,
): string {
  const zh = language === 'zh';
  if (!command) return label('command', 'none', language);
  const kindName = label('command', command.type, language);
  switch (command.type) {
    case 'call': {
      const parts = [nameOf(lists.kinds, command.kind)];
      if (command.severity) parts.push(severityLabel(command.severity, language));
      if (command.participants !== undefined)
        parts.push(zh ? `${command.participants} 人` : `${command.participants} people`);
      if (command.district) parts.push(nameOf(lists.districts, command.district));
      if (command.location)
        parts.push(
          zh
            ? `（${command.location[0].toFixed(4)}，${command.location[1].toFixed(4)}）`
            : `(${command.location[0].toFixed(4)}, ${command.location[1].toFixed(4)})`,
        );
      return `${kindName}：${parts.join(zh ? '，' : ', ')}`;
    }
    case 'closeRoad':
    case 'openRoad':
      return zh
        ? `${kindName}：${command.edges.length} 个路段`
        : `${kindName}: ${command.edges.length} section${command.edges.length === 1 ? '' : 's'}`;
    case 'damageRoad':
      return zh
        ? `${kindName}：${command.edges.length} 个路段，抢修 ${Math.round(command.repairSeconds / 60)} 分钟`
        : `${kindName}: ${command.edges.length} sections, ${Math.round(command.repairSeconds / 60)} min to repair`;
    case 'unitOutOfService':
    case 'unitInService':
      return `${kindName}：${nameOf(lists.units, command.unit.replace(/#\d+$/, ''))}`;
    case 'season':
      return zh
        ? `${label('season', command.season, language)}${command.active ? '开始' : '结束'}`
        : `${label('season', command.season, language)} ${command.active ? 'begins' : 'ends'}`;
    case 'responseLevel':
      return zh
        ? `启动${responseLevelLabel(command.level, language)}`
        : `Response raised to ${responseLevelLabel(command.level, language)}`;
    case 'callRateFactor':
      return zh ? `警情量 × ${command.factor}` : `Call rate × ${command.factor}`;
    default:
      return kindName;
  }
}

/** Deadline as the script says it: "15 分钟（自注入起）". */
export function deadlineText(seconds: number, from: string, language: Language): string {
  const minutes = Number((seconds / 60).toFixed(1));
  return language === 'zh'
    ? `${minutes} 分钟（${label('from', from, language)}）`
    : `${minutes} min (${label('from', from, language)})`;
}
