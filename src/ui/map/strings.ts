/** Strings of the city map, the isochrones and the coverage map. */
import { tierShortWords } from '../../sim/analysis/terms.ts';

const zh = {
  zoomIn: '放大',
  zoomOut: '缩小',
  resetZoom: '复位',
  keyboardHint: '方向键平移，+/− 缩放，0 复位',
  district: (name: string) => `辖区 ${name}`,
  urban: '城区',
  rural: '农村',
  base: (name: string) => `驻地 ${name}`,
  unitsAtBase: (count: number) => `${count} 支力量`,
  noUnits: '无驻扎力量',
  tier: (tier: number) => tierShortWords(tier, 'zh'),
  unitLine: (name: string, agency: string, tier: string, count: number) =>
    `${name}${count > 1 ? ` ×${count}` : ''}（${agency}，${tier}）`,
  noValue: '无数据',
  isochrones: '等时线',
  isochronesTitle: '从驻地出发的紧急通行时间（等时线）',
  isochronesNeedRoads: '等时线需要路网：本情景的通行模型不含道路。',
  isochronesHour: '时段',
  hourOption: (hour: number) =>
    `${String(hour).padStart(2, '0')}:00–${String(hour + 1).padStart(2, '0')}:00`,
  isochronesBases: '出发驻地',
  allBases: '全部驻地',
  tierBases: (tier: string) => `有${tier}力量的驻地`,
  computing: '正在计算…',
  isochronesFailed: '无法计算等时线：',
  isochronesNoBases: '所选驻地中没有一个：请换一组驻地。',
  isochronesFrom: (bases: number) => `从 ${bases} 个驻地出发（紧急通行，含警灯警报提速）`,
  bandAtMost: (minutes: number) => `≤ ${minutes} 分钟`,
  bandOver: (minutes: number) => `> ${minutes} 分钟`,
  unreachable: '不可达',
  // Coverage map
  coverageTitle: '一级联动单位到场达标率的空间分布',
  coverageLegend: '一级联动单位到场达标率',
  coverageHint:
    '辖区按均值着色（95% 置信区间见提示与表格）；圆点为来电地点（约 1 km 网格），大小表示来电数，颜色表示达标比例。',
  coverageTable: '各辖区一级联动单位到场达标率（从低到高）',
  coverageDistrict: '辖区',
  coverageMean: '达标率均值',
  coverageInterval: '95% 置信区间',
  coverageNone: '本次运行没有计入统计的紧急来电，无法给出一级联动单位到场达标率。',
  coverageCell: (calls: string, within: string, share: string) =>
    `来电 ${calls} 起，达标 ${within} 起（${share}）`,
};

const en: typeof zh = {
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  resetZoom: 'Reset',
  keyboardHint: 'Arrow keys pan, +/− zoom, 0 resets',
  district: (name) => `District ${name}`,
  urban: 'urban',
  rural: 'rural',
  base: (name) => `Base ${name}`,
  unitsAtBase: (count) => `${count} unit${count === 1 ? '' : 's'}`,
  noUnits: 'no units',
  tier: (tier) => tierShortWords(tier, 'en'),
  unitLine: (name, agency, tier, count) =>
    `${name}${count > 1 ? ` ×${count}` : ''} (${agency}, ${tier})`,
  noValue: 'no data',
  isochrones: 'Isochrones',
  isochronesTitle: 'Emergency travel time from the bases (isochrones)',
  isochronesNeedRoads: 'Isochrones need a road network: this scenario’s travel model has no roads.',
  isochronesHour: 'Hour',
  hourOption: (hour) =>
    `${String(hour).padStart(2, '0')}:00–${String(hour + 1).padStart(2, '0')}:00`,
  isochronesBases: 'From bases',
  allBases: 'all bases',
  tierBases: (tier) => `bases with ${tier} units`,
  computing: 'Computing…',
  isochronesFailed: 'Cannot compute isochrones: ',
  isochronesNoBases: 'None of the bases qualifies: choose other bases.',
  isochronesFrom: (bases) =>
    `From ${bases} base${bases === 1 ? '' : 's'} (emergency driving, lights and sirens)`,
  bandAtMost: (minutes) => `≤ ${minutes} min`,
  bandOver: (minutes) => `> ${minutes} min`,
  unreachable: 'unreachable',
  coverageTitle: 'Tier-1 arrivals on target, by place',
  coverageLegend: 'Tier-1 arrivals on target',
  coverageHint:
    'Districts are coloured by the mean (95% CI in the tooltip and the table); dots are call places (≈1 km cells), sized by calls and coloured by the share within target.',
  coverageTable: 'Tier-1 arrivals on target by district (worst first)',
  coverageDistrict: 'District',
  coverageMean: 'Within target',
  coverageInterval: '95% CI',
  coverageNone:
    'No emergency call counted in this run: there is no tier-1 arrivals on target figure to show.',
  coverageCell: (calls, within, share) => `${calls} calls, ${within} within target (${share})`,
};

export const mapStrings = { zh, en };
