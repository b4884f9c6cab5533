/**
 * The year plan (年度演练计划): the drills of the year with their dates, and what they cover —
 * agencies, tiers, coordination rules and objectives against the drills, with those not
 * exercised in the last two half-years flagged (`drillCalendar`), and the trend of the same
 * expected actions from drill to drill once the drills have records (a 记录表 attached here, or
 * the controller console's record). The plan's drills and the sheets attached are kept in
 * IndexedDB: the drill being edited, built-in drills and drill files can be added.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  drillCalendar,
  drillScenarioRef,
  loadDrillData,
  parseDrillLogCsv,
  type CalendarEntry,
} from '../../../drills/api.ts';
import { editorStrings } from '../../editors/strings.ts';
import { displayName, useLanguage, useStrings } from '../../i18n.ts';
import {
  builtinDrillCatalogue,
  builtinDrillDoc,
  type BuiltinDrillEntry,
} from '../builtinDrills.ts';
import { builtinScenario, useDrill } from '../DrillContext.tsx';
import type { DrillDoc } from '../drillHistory.ts';
import { readDrillStore, writeDrillStore } from '../drillStore.ts';
import { checkDrillFile } from '../files.ts';
import { PlanTrend } from './PlanTrend.tsx';
import { withEvaluations, type AttachedSheet } from './planTrend.ts';
import type { RuleId } from '../../../scenarios/rules/index.ts';
import { tierWords } from '../../../sim/analysis/terms.ts';

const planStrings = {
  zh: {
    title: '年度演练计划',
    intro:
      '列出全年的演练及日期，检查各联动单位、分级、联动规则和演练目标在近两个半年内是否得到演练。',
    addCurrent: '加入当前演练',
    addBuiltin: '加入内置演练…',
    addFile: '加入演练文件…',
    remove: '移出',
    empty: '计划中还没有演练。',
    drills: '演练安排',
    date: '日期',
    name: '演练名称',
    half: '半年',
    coverage: '覆盖情况',
    dimension: {
      agency: '联动单位',
      tier: '分级',
      rule: '联动规则',
      objective: '演练目标',
    } as Record<string, string>,
    stale: '近两个半年未演练',
    tier: (tier: string) => tierWords(tier, 'zh'),
    half1: (year: string) => `${year} 上半年`,
    half2: (year: string) => `${year} 下半年`,
    loading: '正在载入…',
    record: '记录',
    recordSheet: '已附记录表',
    recordConsole: '导调控制台的记录',
    noRecord: '无记录',
    attach: '附记录表（CSV）…',
    detach: '移除记录表',
    sheetProblems: (name: string) => `“${name}”的记录表有误，未附上：`,
  },
  en: {
    title: 'Year plan',
    intro:
      'The year’s drills and their dates, and whether each agency, tier, coordination rule and objective has been exercised in the last two half-years.',
    addCurrent: 'Add the current drill',
    addBuiltin: 'Add a built-in drill…',
    addFile: 'Add a drill file…',
    remove: 'Remove',
    empty: 'No drill in the plan yet.',
    drills: 'Drills',
    date: 'Date',
    name: 'Drill',
    half: 'Half-year',
    coverage: 'Coverage',
    dimension: { agency: 'Agency', tier: 'Tier', rule: 'Rule', objective: 'Objective' },
    stale: 'not exercised in the last two half-years',
    tier: (tier: string) => tierWords(tier, 'en'),
    half1: (year: string) => `${year} H1`,
    half2: (year: string) => `${year} H2`,
    loading: 'Loading…',
    record: 'Record',
    recordSheet: 'record sheet attached',
    recordConsole: 'the controller console’s record',
    noRecord: 'no record',
    attach: 'Attach a record sheet (CSV)…',
    detach: 'Remove the sheet',
    sheetProblems: (name: string) =>
      `The record sheet of "${name}" has errors and was not attached:`,
  },
};

async function loadEntry(doc: DrillDoc): Promise<CalendarEntry | null> {
  const ref = drillScenarioRef(doc);
  const scenario = ref ? (await builtinScenario(ref).catch(() => null))?.scenario : undefined;
  const loaded = loadDrillData(doc, 'en', (id) =>
    id === ref ? (scenario ?? undefined) : undefined,
  );
  return loaded.ok ? { drill: loaded.drill, scenario: loaded.scenario } : null;
}

export function PlanView({ active }: { active: boolean }) {
  const t = useStrings(planStrings);
  const language = useLanguage();
  const ruleNames = useStrings(editorStrings).ruleName as Record<RuleId, string>;
  const { workspace } = useDrill();
  const [docs, setDocs] = useState<DrillDoc[] | null>(null);
  const [entries, setEntries] = useState<CalendarEntry[]>([]);
  const [builtins, setBuiltins] = useState<BuiltinDrillEntry[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const sheetInput = useRef<HTMLInputElement>(null);
  /** The drill a record sheet is being attached to. */
  const sheetFor = useRef<string | null>(null);
  const [sheets, setSheets] = useState<Record<string, AttachedSheet>>({});
  const [consoleBook, setConsoleBook] = useState<unknown>(undefined);
  const [sheetMessage, setSheetMessage] = useState<string[] | null>(null);

  useEffect(() => {
    void readDrillStore<DrillDoc[]>('plan').then(
      (stored) => setDocs(Array.isArray(stored) ? stored : []),
      () => setDocs([]),
    );
    void builtinDrillCatalogue(language).then(setBuiltins, () => setBuiltins([]));
  }, [language]);
  useEffect(() => {
    void readDrillStore<Record<string, AttachedSheet>>('planSheets').then(
      (stored) => stored && typeof stored === 'object' && setSheets(stored),
      () => undefined,
    );
  }, []);
  // The console's records as they are now, each time the plan is shown.
  useEffect(() => {
    if (active) void readDrillStore<unknown>('console').then(setConsoleBook, () => undefined);
  }, [active]);
  const saveSheets = (next: Record<string, AttachedSheet>) => {
    setSheets(next);
    void writeDrillStore('planSheets', next).catch(() => undefined);
  };
  const attachSheet = async (file: File) => {
    const id = sheetFor.current;
    const entry = entries.find((e) => e.drill.id === id);
    if (!id || !entry) return;
    const text = await file.text();
    const parsed = parseDrillLogCsv(text, entry.drill, language);
    if (!parsed.ok) {
      setSheetMessage([
        t.sheetProblems(entry.drill.header.name),
        ...parsed.errors.map((e) => e.message),
      ]);
      return;
    }
    setSheetMessage(null);
    saveSheets({ ...sheets, [id]: { text, attachedAt: Date.now() } });
  };
  useEffect(() => {
    if (!docs) return;
    let live = true;
    void Promise.all(docs.map(loadEntry)).then((loaded) => {
      if (live) setEntries(loaded.filter((entry): entry is CalendarEntry => entry !== null));
    });
    return () => {
      live = false;
    };
  }, [docs]);

  const save = (next: DrillDoc[]) => {
    setDocs(next);
    void writeDrillStore('plan', next).catch(() => undefined);
  };
  const add = (doc: DrillDoc) => {
    const id = doc.id;
    save([...(docs ?? []).filter((d) => d.id !== id), doc]);
  };
  const evaluated = useMemo(
    () => withEvaluations(entries, sheets, consoleBook, language),
    [entries, sheets, consoleBook, language],
  );
  const calendar = useMemo(() => drillCalendar(evaluated.map((e) => e.entry)), [evaluated]);
  const sourceOf = new Map(evaluated.map((e) => [e.entry.drill.id, e.source]));
  const agencyNames = new Map(
    entries.flatMap((e) =>
      e.scenario.agencies.map(
        (a) => [a.id, displayName(a.id, a.name, language, a.nameEn)] as const,
      ),
    ),
  );
  const halfLabel = (half: string) => {
    const year = half.slice(0, 4);
    return half.endsWith('H2') ? t.half2(year) : t.half1(year);
  };
  const keyLabel = (dimension: string, key: string) =>
    dimension === 'agency'
      ? (agencyNames.get(key) ?? key)
      : dimension === 'tier'
        ? t.tier(key)
        : dimension === 'rule'
          ? (ruleNames[key as RuleId] ?? key)
          : key;

  return (
    <section
      className="card drill-card"
      aria-labelledby="drill-plan-heading"
      data-testid="drill-plan"
    >
      <h3 id="drill-plan-heading">{t.title}</h3>
      <p className="hint">{t.intro}</p>
      <div className="drill-print-toolbar">
        <button
          type="button"
          data-testid="plan-add-current"
          disabled={!workspace}
          onClick={() => workspace && add(workspace.doc)}
        >
          {t.addCurrent}
        </button>
        <select
          aria-label={t.addBuiltin}
          data-testid="plan-add-builtin"
          value=""
          onChange={(event) => {
            const id = event.target.value;
            if (id) void builtinDrillDoc(id).then(add);
          }}
        >
          <option value="">{t.addBuiltin}</option>
          {builtins.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t.addFile}
        </button>
        <input
          ref={fileInput}
          data-testid="plan-file-input"
          type="file"
          accept=".json"
          hidden
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            const checked = await checkDrillFile(await file.text(), language);
            if (checked.ok) add(checked.doc);
          }}
        />
      </div>
      <input
        ref={sheetInput}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="plan-sheet-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void attachSheet(file);
        }}
      />
      {sheetMessage && (
        <ul className="problems" role="alert" data-testid="plan-sheet-problems">
          {sheetMessage.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      {!docs ? (
        <p className="placeholder">{t.loading}</p>
      ) : calendar.drills.length === 0 ? (
        <p className="placeholder">{t.empty}</p>
      ) : (
        <>
          <h4>{t.drills}</h4>
          <table className="drill-table" data-testid="plan-drills">
            <thead>
              <tr>
                <th>{t.date}</th>
                <th>{t.half}</th>
                <th>{t.name}</th>
                <th>{t.record}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {calendar.drills.map((drill) => (
                <tr key={drill.id}>
                  <td>{drill.date}</td>
                  <td>{halfLabel(drill.halfYear)}</td>
                  <td>{drill.name}</td>
                  <td data-testid="plan-record" data-source={sourceOf.get(drill.id) ?? 'none'}>
                    {sourceOf.get(drill.id) === 'sheet'
                      ? t.recordSheet
                      : sourceOf.get(drill.id) === 'console'
                        ? t.recordConsole
                        : t.noRecord}{' '}
                    <button
                      type="button"
                      data-testid="plan-attach"
                      onClick={() => {
                        sheetFor.current = drill.id;
                        sheetInput.current?.click();
                      }}
                    >
                      {t.attach}
                    </button>
                    {sheets[drill.id] && (
                      <button
                        type="button"
                        onClick={() => {
                          const { [drill.id]: _gone, ...rest } = sheets;
                          saveSheets(rest);
                        }}
                      >
                        {t.detach}
                      </button>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      onClick={() => save((docs ?? []).filter((d) => d.id !== drill.id))}
                    >
                      {t.remove}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>{t.coverage}</h4>
          <div className="drill-scroll">
            <table className="drill-table drill-coverage" data-testid="plan-coverage">
              <thead>
                <tr>
                  <th />
                  <th />
                  {calendar.drills.map((drill) => (
                    <th key={drill.id} title={drill.name}>
                      {drill.date}
                    </th>
                  ))}
                  <th />
                </tr>
              </thead>
              <tbody>
                {calendar.coverage.map((row) => (
                  <tr
                    key={`${row.dimension}|${row.key}`}
                    className={row.stale ? 'drill-warn' : undefined}
                  >
                    <th scope="row">{t.dimension[row.dimension]}</th>
                    <th scope="row" style={{ textAlign: 'left' }}>
                      {keyLabel(row.dimension, row.key).slice(0, 40)}
                    </th>
                    {calendar.drills.map((drill) => (
                      <td key={drill.id} className={row.drills.includes(drill.id) ? 'covered' : ''}>
                        {row.drills.includes(drill.id) ? '●' : ''}
                      </td>
                    ))}
                    <td>{row.stale ? t.stale : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PlanTrend calendar={calendar} entries={evaluated.map((e) => e.entry)} />
        </>
      )}
    </section>
  );
}
