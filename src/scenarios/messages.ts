/**
 * Validation messages in the planner's language. Schema messages are written in English; this
 * table gives each its Chinese wording. A message missing here falls back to a generic sentence
 * built from the kind of problem, so nothing is ever shown untranslated as a stack trace.
 */
export type Language = 'en' | 'zh';

const zhByEnglish: Record<string, string> = {
  'must not be empty': '不能为空',
  'at most 64 characters': '最多 64 个字符',
  'use only letters, digits and _ - . :': '只能使用字母、数字和 _ - . :',
  'must be ≥ 0': '必须 ≥ 0',
  'must be > 0': '必须 > 0',
  'must be ≥ 1': '必须 ≥ 1',
  'must be ≤ 2': '必须 ≤ 2',
  'must be ≤ 1000': '必须 ≤ 1000',
  'must be a whole number': '必须是整数',
  'longitude must be ≥ −180': '经度必须 ≥ −180',
  'longitude must be ≤ 180': '经度必须 ≤ 180',
  'latitude must be ≥ −90': '纬度必须 ≥ −90',
  'latitude must be ≤ 90': '纬度必须 ≤ 90',
  'needs at least one value': '至少需要一个值',
  'needs at least one bin': '至少需要一个区间',
  'max must be ≥ min': '最大值必须 ≥ 最小值',
  'mode must be ≥ min': '众数必须 ≥ 最小值',
  'max must be ≥ mode': '最大值必须 ≥ 众数',
  'p90 must be greater than median': 'p90 必须大于中位数',
  'to must be ≥ from': '区间终点必须 ≥ 起点',
  'at least one weight must be > 0': '至少一个权重必须 > 0',
  'a polygon needs at least 3 points': '多边形至少需要 3 个点',
  'needs at least one ring': '至少需要一个边界环',
  'give a polygon or polygons': '请提供 polygon（单一边界）或 polygons（多块边界）',
  'give a polygon or polygons, not both': 'polygon 与 polygons 只能提供其一',
  'needs 24 values, one per hour': '需要 24 个值（每小时一个）',
  'needs 24 values': '需要 24 个值',
  'needs 7 values': '需要 7 个值',
  'a road graph needs at least 2 nodes': '路网至少需要 2 个节点',
  'a road graph needs at least 1 edge': '路网至少需要 1 条路段',
  'use HH:MM, 00:00–24:00': '请使用 HH:MM 格式（00:00–24:00）',
  'needs at least one window': '至少需要一个值班时段',
  'a unit needs at least one capability': '力量至少需要一种能力',
  'an incident kind needs at least one need': '事件类型至少需要一项力量需求',
  'use local date and time YYYY-MM-DDTHH:MM': '请使用本地日期时间 YYYY-MM-DDTHH:MM',
  'no such date or time': '日期或时间不存在',
  'needs at least one district': '至少需要一个辖区',
  'needs at least one base': '至少需要一个驻地',
  'needs at least one agency': '至少需要一个联动单位',
  'needs at least one unit': '至少需要一个力量',
  'needs at least one kind': '至少需要一种事件类型',
  'at most 10 years': '最长 10 年',
  'too large: some draws would exceed 10^15 s (the parameters overflow)':
    '过大：部分抽样值将超过 10^15 秒（参数溢出）',
  'too large for this mean: the spread (sd / mean) overflows':
    '相对于均值过大：离散程度（sd / mean）溢出',
  'too small: must be ≥ 0.000001 (draws would be NaN)': '过小：必须 ≥ 0.000001（否则抽样值为 NaN）',
  'the weights add up to infinity: use smaller numbers': '权重之和为无穷大：请使用较小的数',
  'at most 100 needs': '最多 100 项需求',
};

const zhPatterns: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^at most (\d+) (\w+)$/, (m) => `最多 ${m[1]} 个`],
  [/^must be ([≤≥<>]) (\S+)$/, (m) => `必须 ${m[1]} ${m[2]}`],
  [/^Too (big|small): expected (\w+) to (?:be|have) ([<>]=?)(\S+)/, (m) => `必须 ${m[3]} ${m[4]}`],
];

/** A value from the file as shown in a message, cut to `max` characters. */
export function cut(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function translate(message: string, language: Language): string {
  if (language === 'en') return message;
  const direct = zhByEnglish[message];
  if (direct) return direct;
  for (const [pattern, render] of zhPatterns) {
    const match = pattern.exec(message);
    if (match) return render(match);
  }
  return message;
}

/** Sentences for problems found by the loader itself, in both languages. */
export const loaderText = {
  notJson: {
    en: (where: string, reason: string) => `the file is not valid JSON ${where}: ${reason}`,
    zh: (where: string, reason: string) => `文件不是有效的 JSON（${where}）：${reason}`,
  },
  tooLarge: {
    en: (bytes: number, limit: number) => `the file is ${bytes} bytes; the limit is ${limit} bytes`,
    zh: (bytes: number, limit: number) => `文件大小 ${bytes} 字节，超过上限 ${limit} 字节`,
  },
  tooManyListed: {
    en: (count: number, limit: number) =>
      `${count} listed incidents with the table's; at most ${limit}`,
    zh: (count: number, limit: number) => `连同列表形式共列明 ${count} 起事件，最多 ${limit} 起`,
  },
  expectedType: {
    en: (expected: string, received: string) => `expected ${expected}, got ${received}`,
    zh: (expected: string, received: string) =>
      `应为${typeName(expected, 'zh')}，实际为${typeName(received, 'zh')}`,
  },
  missing: { en: () => 'this field is required', zh: () => '缺少必填字段' },
  unknownKeys: {
    en: (keys: string) => `unknown field(s) ${keys} (check the spelling)`,
    zh: (keys: string) => `未知字段 ${keys}（请检查拼写）`,
  },
  oneOf: {
    en: (options: string) => `must be one of ${options}`,
    zh: (options: string) => `必须是以下之一：${options}`,
  },
  tooSmall: {
    en: (minimum: string, origin: string) =>
      origin === 'array'
        ? `needs at least ${minimum} item(s)`
        : origin === 'string'
          ? `needs at least ${minimum} character(s)`
          : `must be ≥ ${minimum}`,
    zh: (minimum: string, origin: string) =>
      origin === 'array'
        ? `至少需要 ${minimum} 项`
        : origin === 'string'
          ? `至少需要 ${minimum} 个字符`
          : `必须 ≥ ${minimum}`,
  },
  tooBig: {
    en: (maximum: string, origin: string) =>
      origin === 'array'
        ? `at most ${maximum} item(s)`
        : origin === 'string'
          ? `at most ${maximum} character(s)`
          : `must be ≤ ${maximum}`,
    zh: (maximum: string, origin: string) =>
      origin === 'array'
        ? `最多 ${maximum} 项`
        : origin === 'string'
          ? `最多 ${maximum} 个字符`
          : `必须 ≤ ${maximum}`,
  },
  invalid: { en: () => 'invalid value', zh: () => '取值无效' },
  unknownRef: {
    en: (what: string, id: string) => `no ${what} has the id "${cut(id)}"`,
    zh: (what: string, id: string) => `找不到 id 为“${cut(id)}”的${whatZh[what] ?? what}`,
  },
  duplicateId: {
    en: (what: string, id: string) => `the ${what} id "${cut(id)}" is used twice`,
    zh: (what: string, id: string) => `${whatZh[what] ?? what} id“${cut(id)}”重复`,
  },
  nodeOutOfRange: {
    en: (index: number, count: number) =>
      `node ${index} does not exist (the graph has ${count} nodes)`,
    zh: (index: number, count: number) => `节点 ${index} 不存在（路网共 ${count} 个节点）`,
  },
  edgeOutOfRange: {
    en: (index: number, count: number) =>
      `edge ${index} does not exist (the graph has ${count} edges)`,
    zh: (index: number, count: number) => `路段 ${index} 不存在（路网共 ${count} 条路段）`,
  },
  edgesNeedGraph: {
    en: () => 'road closures need the roadGraph travel model',
    zh: () => '道路封闭需要使用路网（roadGraph）出行模型',
  },
  matrixShape: {
    en: (n: number) => `the matrix must have ${n} rows of ${n} numbers, one per zone`,
    zh: (n: number) => `矩阵必须为 ${n} 行 × ${n} 列（每个分区一行一列）`,
  },
  districtNotInMatrix: {
    en: (id: string) => `district "${cut(id)}" is not one of the matrix zones`,
    zh: (id: string) => `辖区“${cut(id)}”不在矩阵分区中`,
  },
  placeNeeded: {
    en: () => 'give a location or a district',
    zh: () => '请提供位置坐标或辖区',
  },
  warmupTooLong: {
    en: () => 'the warm-up must be shorter than the duration',
    zh: () => '预热时长必须短于模拟时长',
  },
  tooManyUnits: {
    en: (count: number, limit: number) =>
      `the units expand to ${count} (counts included); the limit is ${limit}`,
    zh: (count: number, limit: number) => `力量展开后共 ${count} 个（含数量），超过上限 ${limit}`,
  },
  noCapableUnit: {
    en: (capability: string) =>
      `no unit has the capability "${cut(capability)}": these incidents will wait for ever`,
    zh: (capability: string) => `没有力量具备能力“${cut(capability)}”：此类事件将一直等待`,
  },
  ringCrosses: {
    en: (district: string, a: string, b: string, at: string) =>
      `the boundary of district ${district} crosses itself: the edge ${a} crosses the edge ${b} near ${at}; a boundary that crosses itself has no clear inside (were two points swapped?)`,
    zh: (district: string, a: string, b: string, at: string) =>
      `辖区 ${district} 的边界自相交：边 ${a} 与边 ${b} 在 ${at} 附近相交；自相交的边界无法确定内外（是否有两个点顺序颠倒？）`,
  },
  baseOutside: {
    en: () => 'the base lies outside every district',
    zh: () => '该驻地不在任何辖区内',
  },
  allWeightsZero: {
    en: () => 'every weight is 0: no call could be placed',
    zh: () => '所有权重均为 0：无法生成警情',
  },
  tooManyCalls: {
    en: (calls: number, limit: number) => `about ${calls} calls in one run; the limit is ${limit}`,
    zh: (calls: number, limit: number) => `单次运行约 ${calls} 起警情，超过上限 ${limit}`,
  },
  afterEnd: {
    en: () => 'this call comes after the end of the run and will not be simulated',
    zh: () => '该警情晚于模拟结束时间，不会被模拟',
  },
  manyAfterEnd: {
    en: (count: number) =>
      `${count.toLocaleString('en')} listed calls come after the end of the run and will not be simulated, this one first (lengthen the run, or import with --fit)`,
    zh: (count: number) =>
      `共 ${count.toLocaleString('zh-CN')} 起列明警情晚于模拟结束时间，不会被模拟，此为第一起（请延长模拟时长，或导入时使用 --fit）`,
  },
  unknownTimeZone: {
    en: (zone: string) => `"${cut(zone)}" is not a time zone (e.g. Asia/Shanghai)`,
    zh: (zone: string) => `“${cut(zone)}”不是有效的时区（例如 Asia/Shanghai）`,
  },
  disconnected: {
    en: (count: number) =>
      `${count} road node(s) cannot be reached from any base: calls there wait for ever`,
    zh: (count: number) => `有 ${count} 个路网节点无法从任何驻地到达：该处警情将一直等待`,
  },
  standbyTooSmall: {
    en: (crew: number, minimum: number) =>
      `a standby team of ${crew}; the township plan asks for at least ${minimum}`,
    zh: (crew: number, minimum: number) => `值守队伍 ${crew} 人，乡镇预案要求不少于 ${minimum} 人`,
  },
  notFinite: {
    en: () => 'the number is too large to compute with (it reads as infinity); at most 1.7e308',
    zh: () => '数值过大，无法计算（被读作无穷大）；最大为 1.7e308',
  },
  reservedKey: {
    en: (key: string) => `"${key}" cannot be used as a name (it is reserved in JavaScript)`,
    zh: (key: string) => `“${key}”不能用作名称（JavaScript 保留名）`,
  },
  weightsInfinite: {
    en: () => 'the weights add up to infinity: use smaller numbers',
    zh: () => '权重之和为无穷大：请使用较小的数',
  },
  tooManyCallsWithEvents: {
    en: (calls: number, limit: number) =>
      `about ${calls} calls in one run, counting the callRateFactor events; the limit is ${limit}`,
    zh: (calls: number, limit: number) =>
      `计入 callRateFactor 事件后，单次运行约 ${calls} 起警情，超过上限 ${limit}`,
  },
  tooManyUnitsWithPools: {
    en: (count: number, limit: number) =>
      `the units and reinforcement pools expand to ${count} (counts included); the limit is ${limit}`,
    zh: (count: number, limit: number) =>
      `力量与增援编队展开后共 ${count} 个（含数量），超过上限 ${limit}`,
  },
  tooManyNeededUnits: {
    en: (count: number, limit: number) =>
      `one incident of this kind needs ${count} units (growth included); the limit is ${limit}`,
    zh: (count: number, limit: number) =>
      `此类事件单起需要 ${count} 个力量（含升级），超过上限 ${limit}`,
  },
  jsonReason: {
    en: (reason: string) => reason,
    zh: (reason: string) => jsonReasonZh(reason),
  },
  noDemand: {
    en: () => 'no calls: add call streams or listed incidents',
    zh: () => '没有警情：请添加警情流或警情清单',
  },
} as const;

const whatZh: Record<string, string> = {
  agency: '联动单位',
  base: '驻地',
  district: '辖区',
  unit: '力量',
  'incident kind': '事件类型',
  'road class': '道路等级',
  hospital: '医院',
};

function typeName(name: string, language: Language): string {
  if (language === 'en') return name;
  const zh: Record<string, string> = {
    number: '数字',
    string: '文本',
    array: '数组',
    object: '对象',
    boolean: '布尔值',
    undefined: '空',
    null: 'null',
  };
  return zh[name] ?? name;
}

/** V8's JSON.parse reasons, in Chinese; the original follows in brackets when not recognised. */
function jsonReasonZh(reason: string): string {
  const token = /Unexpected token '?(.)'?/.exec(reason);
  if (token) return `此处不应出现字符“${token[1]}”`;
  if (/Unexpected end of JSON input|Unterminated string/.test(reason))
    return '文件意外结束（括号或引号未闭合）';
  if (/Expected ':' after property name/.test(reason)) return '字段名后应为“:”';
  if (/Expected (double-quoted )?property name/.test(reason)) return '此处应为带引号的字段名或“}”';
  if (/Expected ',' or '\}'/.test(reason)) return '此处应为“,”或“}”';
  if (/Expected ',' or '\]'/.test(reason)) return '此处应为“,”或“]”';
  if (/Bad control character/.test(reason)) return '字符串中有控制字符（如换行），请写作 \\n';
  if (/Unexpected non-whitespace character after JSON/.test(reason))
    return 'JSON 结束后还有多余内容';
  if (/Bad escaped character|Bad Unicode escape/.test(reason)) return '字符串中的转义符无效';
  if (
    /Exponent part is missing|No number after minus sign|Unterminated fractional number/.test(
      reason,
    )
  )
    return '数字格式不正确';
  return `语法错误（${reason}）`;
}
