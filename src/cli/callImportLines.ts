/**
 * `sim import-calls`: the columns it takes when an option is left out (detected from the file,
 * see `callColumns.ts`) and the lines that say what was detected, in the CLI's language.
 */
import { detectColumns, suggestMapping, type ColumnInfo } from '../scenarios/callColumns.ts';
import type { CsvRow } from '../scenarios/callCsv.ts';
import type { CallColumnMapping } from '../scenarios/importCalls.ts';
import type { Language } from '../scenarios/messages.ts';
import type { Scenario } from '../scenarios/schema.ts';

const words = {
  en: {
    encoding: (name: string) =>
      name === 'xlsx' ? 'read as an Excel workbook (first sheet)' : `read as ${name}`,
    detected: (role: string, column: string, flag: string) =>
      `${role}: column "${column}" (detected; ${flag} to choose another)`,
    roles: {
      time: 'time',
      kind: 'kind',
      lon: 'longitude',
      lat: 'latitude',
      point: 'point',
      district: 'district',
    },
    numberHint: (column: string) =>
      `column "${column}" looks like an incident number: --group-by "${column}" makes one incident of its rows`,
  },
  zh: {
    encoding: (name: string) =>
      name === 'xlsx' ? '按 Excel 工作簿读取（第一个工作表）' : `已按 ${name} 编码读取`,
    detected: (role: string, column: string, flag: string) =>
      `${role}：“${column}”列（自动判断；用 ${flag} 可另选）`,
    roles: {
      time: '时间',
      kind: '类型',
      lon: '经度',
      lat: '纬度',
      point: '坐标点',
      district: '辖区',
    },
    numberHint: (column: string) =>
      `“${column}”列像是警情编号：用 --group-by "${column}" 可把同一编号的各行并为一起事件`,
  },
};

export function encodingLine(encoding: string, language: Language): string {
  return words[language].encoding(encoding);
}

type Role = keyof (typeof words)['en']['roles'];

/**
 * The columns of the import: those given by option, the rest detected (the place only when no
 * place option is given). `--kind A,B` builds the kind from two columns.
 */
export function detectedMapping(
  rows: readonly CsvRow[],
  scenario: Scenario,
  given: (name: string) => string | undefined,
  language: Language,
): { mapping: CallColumnMapping; lines: string[]; columns: ColumnInfo[] } {
  const w = words[language];
  const columns = detectColumns(rows, scenario.districts);
  const suggested = suggestMapping(columns);
  const lines: string[] = [];
  const take = (role: Role, flag: string, option?: string): string | undefined => {
    const value = given(option ?? flag);
    if (value !== undefined) return value;
    const found = suggested[role];
    if (found !== undefined) lines.push(w.detected(w.roles[role], found, `--${flag}`));
    return found;
  };
  const [kind, kindAlso] = (given('kind') ?? '').split(',').map((c) => c.trim());
  const mapping: CallColumnMapping = {
    time: take('time', 'time') ?? '',
    kind: kind || (take('kind', 'kind') ?? ''),
    ...(kindAlso ? { kindAlso } : {}),
  };
  const placeGiven = ['lon', 'lat', 'point', 'district'].some((o) => given(o) !== undefined);
  if (placeGiven) {
    mapping.lon = given('lon');
    mapping.lat = given('lat');
    mapping.point = given('point');
    mapping.district = given('district');
  } else {
    mapping.lon = take('lon', 'lon');
    mapping.lat = take('lat', 'lat');
    mapping.point = take('point', 'point');
    mapping.district = take('district', 'district');
  }
  if (given('group-by') === undefined && suggested.incidentNumber)
    lines.push(w.numberHint(suggested.incidentNumber));
  return { mapping, lines, columns };
}
