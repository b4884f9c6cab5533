/** The call import's messages in both languages (the CLI writes in its --lang, the page in its own). */
import { cut } from './messages.ts';

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const en = {
  empty: () => 'the file is empty',
  headerOnly: () => 'the file has a header line but no calls below it',
  tooLarge: (bytes: number, limit: number) =>
    `the file has ${(bytes / 1048576).toFixed(1)} MB; a call file may have at most ${limit / 1048576} MB`,
  tooManyRows: (limit: number) =>
    `more than ${limit.toLocaleString('en')} calls: a scenario holds at most ${limit.toLocaleString('en')} listed incidents; the rest of the file was not read`,
  tooManyColumns: (count: number, limit: number) =>
    `the header has ${count.toLocaleString('en')} columns; a call file may have at most ${limit.toLocaleString('en')} (is it a call history?)`,
  unclosedQuote: (lines: number) =>
    `a quote opened in this row is never closed (it would swallow ${lines.toLocaleString('en')} more line(s) to the end of the file): the row is skipped and reading goes on at the next line`,
  unclosedGiveUp: (lines: number) =>
    `a quote opened in this row is never closed: the remaining ${lines.toLocaleString('en')} line(s) were not read (close or remove the stray quotes)`,
  unclosedLast: () => 'a quote opened in this row is never closed: the row is skipped',
  noColumn: (name: string, columns: string) => `no column "${name}" (columns: ${columns})`,
  noPlace: () => 'map either the lon and lat columns, a point column or a district column',
  badTime: (value: string) =>
    `time "${value}" is not a date-time (YYYY-MM-DD HH:MM, YYYY/MM/DD, M/D/YYYY h:mm AM/PM, YYYY年M月D日 H时M分) or seconds`,
  noSuchDate: (value: string, why: string) => `time "${value}" is not a real date-time: ${why}`,
  monthRange: (month: number) => `there is no month ${month}`,
  dayRange: (month: number, days: number) => `${MONTHS_EN[month - 1]} has ${days} days`,
  clockRange: () => 'hours go to 23, minutes and seconds to 59',
  meridiemRange: () => 'with AM/PM, hours go from 1 to 12',
  undecidedOrder: (value: string) =>
    `time "${value}": day/month or month/day cannot be told from the file (no number over 12); give the time format (mdy or dmy)`,
  excelLeap: (value: string) =>
    `time "${value}" is Excel's 29 February 1900, a day that never was (Excel's 1900 leap-year error)`,
  notNumber: (value: string, clock: string) => `time "${value}" is not a number (${clock})`,
  clockName: {
    excel: 'Excel serial date',
    unix: 'Unix seconds',
    'unix-ms': 'Unix milliseconds',
    seconds: 'seconds from the scenario start',
  } as Record<string, string>,
  beforeStart: () => 'the call is before the scenario start',
  mapUnknownKind: (value: string, kind: string) =>
    `value "${value}" is mapped to "${kind}", which is not an incident kind of the scenario`,
  mapNotJson: (reason: string) => `the kind mapping is not valid JSON: ${reason}`,
  mapNotText: (value: string) => `the kind of value "${value}" is not text`,
  mapTwoColumns: () => 'a kind mapping row has two columns: the value, then the incident kind',
  unmapped: (list: string) => `values of the kind column that map to no incident kind: ${list}`,
  unknownKind: (kind: string) => `kind "${kind}" is not an incident kind of the scenario`,
  badPlace: (lon: string, lat: string) => `"${lon}", "${lat}" is not a longitude, latitude`,
  noDistrict: () => 'the district is empty',
  badPoint: (value: string) =>
    `"${value}" is not a point: (lat, lon), lon lat or POINT (lon lat) within ±180, ±90`,
  undecidedPoint: (value: string) =>
    `"${value}": latitude first or longitude first cannot be told from the file (no number beyond ±90); give the point order (lonlat or latlon)`,
  unknownDistrict: (value: string) =>
    `district "${value}" is not a district of the scenario (by id or name)`,
  overLimit: (existing: number, limit: number) =>
    `the scenario lists ${existing.toLocaleString('en')} incidents already; with these calls it would list more than ${limit.toLocaleString('en')}`,
};

const zh: typeof en = {
  empty: () => '文件为空',
  headerOnly: () => '文件只有列名一行，下面没有来电记录',
  tooLarge: (bytes: number, limit: number) =>
    `文件大小为 ${(bytes / 1048576).toFixed(1)} MB，来电记录文件最大 ${limit / 1048576} MB`,
  tooManyRows: (limit: number) =>
    `来电超过 ${limit.toLocaleString('zh-CN')} 起：一个情景最多列明 ${limit.toLocaleString('zh-CN')} 起事件；其余部分未读取`,
  tooManyColumns: (count: number, limit: number) =>
    `列名行有 ${count.toLocaleString('zh-CN')} 列，来电记录文件最多 ${limit.toLocaleString('zh-CN')} 列（这是来电记录吗？）`,
  unclosedQuote: (lines: number) =>
    `此行有一个引号没有闭合（会把到文件末尾的 ${lines.toLocaleString('zh-CN')} 行吞进一个字段）：此行跳过，从下一行继续读取`,
  unclosedGiveUp: (lines: number) =>
    `此行有一个引号没有闭合：其后 ${lines.toLocaleString('zh-CN')} 行未读取（请补上或删去多余的引号）`,
  unclosedLast: () => '此行有一个引号没有闭合：此行跳过',
  noColumn: (name: string, columns: string) => `没有名为“${name}”的列（现有列：${columns}）`,
  noPlace: () => '请选择经度和纬度列、坐标点列，或辖区列',
  badTime: (value: string) =>
    `时间“${value}”既不是日期时间（YYYY-MM-DD HH:MM、YYYY/MM/DD、M/D/YYYY h:mm AM/PM、YYYY年M月D日 H时M分），也不是秒数`,
  noSuchDate: (value: string, why: string) => `时间“${value}”不是真实存在的日期时间：${why}`,
  monthRange: (month: number) => `没有 ${month} 月`,
  dayRange: (month: number, days: number) => `${month} 月只有 ${days} 天`,
  clockRange: () => '小时最大为 23，分钟和秒最大为 59',
  meridiemRange: () => '带上午/下午（AM/PM）时，小时为 1 至 12',
  undecidedOrder: (value: string) =>
    `时间“${value}”：无法从文件判断是“日/月”还是“月/日”（没有大于 12 的数）；请指定时间格式（mdy 或 dmy）`,
  excelLeap: (value: string) =>
    `时间“${value}”是 Excel 的 1900 年 2 月 29 日，这一天并不存在（Excel 1900 年闰年错误）`,
  notNumber: (value: string, clock: string) => `时间“${value}”不是数字（${clock}）`,
  clockName: {
    excel: 'Excel 序列日期',
    unix: 'Unix 秒',
    'unix-ms': 'Unix 毫秒',
    seconds: '距情景开始的秒数',
  },
  beforeStart: () => '来电时间早于情景开始时间',
  mapUnknownKind: (value: string, kind: string) =>
    `值“${value}”对应的“${kind}”不是本情景的事件类型`,
  mapNotJson: (reason: string) => `类型对应文件不是有效的 JSON：${reason}`,
  mapNotText: (value: string) => `值“${value}”对应的类型不是文本`,
  mapTwoColumns: () => '类型对应文件每行两列：先是值，再是事件类型',
  unmapped: (list: string) => `类型列中未对应到事件类型的值：${list}`,
  unknownKind: (kind: string) => `类型“${kind}”不是本情景的事件类型（请在类型对应中选择）`,
  badPlace: (lon: string, lat: string) => `“${lon}”，“${lat}”不是有效的经度、纬度`,
  noDistrict: () => '辖区为空',
  badPoint: (value: string) =>
    `“${value}”不是有效的坐标点：应为 (纬度, 经度)、经度 纬度 或 POINT (经度 纬度)，经度在 ±180、纬度在 ±90 以内`,
  undecidedPoint: (value: string) =>
    `“${value}”：无法从文件判断先纬度还是先经度（没有超出 ±90 的数）；请指定坐标顺序（lonlat 或 latlon）`,
  unknownDistrict: (value: string) => `辖区“${value}”不是本情景的辖区（id 或名称）`,
  overLimit: (existing: number, limit: number) =>
    `情景中已列明 ${existing.toLocaleString('zh-CN')} 起事件，加上这些来电将超过 ${limit.toLocaleString('zh-CN')} 起`,
};

export const callText = { en, zh };

export type CallText = typeof en;

/** A user's value in a message: cut to a readable length. */
export const shown = (value: string) => cut(value, 80);
