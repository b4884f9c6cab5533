/**
 * English names of the built-in scenarios' districts, agencies and incident kinds (`nameEn`), so
 * that the English page names them in English ("Putuo District", "Zhoushan Emergency Medical
 * Centre (120)") instead of showing their ids. Worked out from the Chinese names the cities are
 * written with: a district's by its id (the pinyin of its name) and the kind of division its
 * name ends in; an agency's by its city and what it is; an incident kind's from the kinds' table
 * in terms.ts. A name not covered here keeps no `nameEn` (the English page then shows the
 * Chinese name) and tests/unit/englishNames.test.ts fails.
 */
import { INCIDENT_KIND_ENGLISH } from '../../lib/incidentKindEnglish.ts';
import type { ScenarioInput } from '../schema.ts';

/** The cities (and the county) agencies are named after, longest first. */
const CITIES: Array<[string, string]> = [
  ['浦江县', 'Pujiang County'],
  ['临城', 'Lincheng'],
  ['江城', 'Jiangcheng'],
  ['湖州', 'Huzhou'],
  ['舟山', 'Zhoushan'],
  ['金华', 'Jinhua'],
  ['威海', 'Weihai'],
];

/** What an agency is, after its city's name (and a 市 after it). */
const BODIES: Record<string, string> = {
  消防救援支队: 'Fire and Rescue Detachment',
  '消防救援支队（主调主战）': 'Fire and Rescue Detachment (lead force)',
  消防救援大队: 'Fire and Rescue Brigade',
  公安局: 'Public Security Bureau',
  '公安局（含派出所、交警）': 'Public Security Bureau (police stations and traffic police)',
  '急救中心（120）': 'Emergency Medical Centre (120)',
  '急救站（120）': 'Emergency Medical Station (120)',
  水务集团: 'Water Group',
  燃气有限公司: 'Gas Company',
  燃气公司: 'Gas Company',
  自来水公司: 'Water Supply Company',
  生态环境局: 'Ecology and Environment Bureau',
  环境保护局: 'Environmental Protection Bureau',
  民政局: 'Civil Affairs Bureau',
  农业农村和林业局: 'Agriculture, Rural Affairs and Forestry Bureau',
  '农业农村局（林业）': 'Agriculture and Rural Affairs Bureau (forestry)',
  文化广电旅游局: 'Culture, Broadcasting and Tourism Bureau',
  文化和广电旅游体育局: 'Culture, Broadcasting, Tourism and Sports Bureau',
  '人民武装部（民兵）': 'People’s Armed Forces Department (militia)',
  '人民武装部（乡镇应急民兵分队）': 'People’s Armed Forces Department (township militia teams)',
  委宣传部新闻办: 'Party Publicity Department, News Office',
  委宣传部: 'Party Publicity Department',
  '水利局（防汛防台抗旱指挥部办公室，三防）':
    'Water Resources Bureau (flood, typhoon and drought control office)',
  '水利局（三防）': 'Water Resources Bureau (flood, typhoon and drought control)',
  交通运输局: 'Transport Bureau',
  '自然资源和规划局（地质灾害防治）': 'Natural Resources and Planning Bureau (geological hazards)',
  '自然资源和规划局（林业，森林消防专业队）':
    'Natural Resources and Planning Bureau (forestry, forest firefighting team)',
  '军分区（民兵）': 'Military Sub-district (militia)',
  '警备区（民兵）': 'Garrison Command (militia)',
  气象局: 'Meteorological Bureau',
  海洋与渔业局: 'Ocean and Fisheries Bureau',
  '海事局（市海上搜救中心、市溢油应急中心）':
    'Maritime Safety Administration (maritime search and rescue centre, oil-spill response centre)',
  人力资源和社会保障局: 'Human Resources and Social Security Bureau',
  安全生产监督管理局: 'Work Safety Supervision Bureau',
};

/** Agencies named otherwise than "city + what it is". */
const WHOLE: Record<string, string> = {
  驻湖解放军部队: 'PLA units stationed in Huzhou',
  武警湖州市支队: 'Huzhou Armed Police Detachment',
  '企业专职消防队（示例）': 'Company fire brigade (example)',
  '工程机械救援队（示例）': 'Engineering machinery rescue team (example)',
  '应急救援志愿者队伍（已注册，示例）': 'Registered emergency volunteers (example)',
};

/** The kind of division a district's name ends in. */
const DIVISIONS: Array<[string, string]> = [
  ['街道', 'Subdistrict'],
  ['区', 'District'],
  ['县', 'County'],
  ['市', 'City'],
  ['镇', 'Town'],
  ['乡', 'Township'],
];

/** "dinghai", "定海区" → "Dinghai District"; undefined when the name ends in no division. */
export function districtEnglish(id: string, name: string): string | undefined {
  const division = DIVISIONS.find(([suffix]) => name.endsWith(suffix));
  if (!division || !/^[a-z]+$/.test(id)) return undefined;
  return `${id[0].toUpperCase()}${id.slice(1)} ${division[1]}`;
}

/** An agency's English name, given the districts' English names by their Chinese ones. */
export function agencyEnglish(
  name: string,
  districts: ReadonlyMap<string, string>,
): string | undefined {
  if (Object.hasOwn(WHOLE, name)) return WHOLE[name];
  for (const [zh, en] of districts) {
    if (name === `${zh}人民政府`) return `${en} Government`;
    if (name === `${zh}乡镇（街道）`) return `Townships of ${en}`;
    if (name === `${zh}（含各村维稳力量）`) return `${en} (with the villages’ stability teams)`;
  }
  for (const [zh, en] of CITIES) {
    if (name === `国网${zh}供电公司`) return `State Grid ${en} Power Supply Company`;
    const rest = name.startsWith(`${zh}市`)
      ? name.slice(zh.length + 1)
      : name.startsWith(zh)
        ? name.slice(zh.length)
        : undefined;
    if (rest !== undefined && Object.hasOwn(BODIES, rest)) return `${en} ${BODIES[rest]}`;
  }
  return undefined;
}

type Named = { id: string; name?: string; nameEn?: string };

function named<T extends Named>(entry: T, english: string | undefined): T {
  return english && !entry.nameEn ? { ...entry, nameEn: english } : entry;
}

/** A built-in scenario with the English names of its districts, agencies and incident kinds. */
export function withEnglishNames(input: ScenarioInput): ScenarioInput {
  const districts = input.districts.map((d) => named(d, districtEnglish(d.id, d.name ?? '')));
  const byChinese = new Map(
    districts.flatMap((d) => (d.name && d.nameEn ? [[d.name, d.nameEn] as const] : [])),
  );
  return {
    ...input,
    districts,
    agencies: input.agencies.map((a) => named(a, agencyEnglish(a.name ?? '', byChinese))),
    incidentKinds: input.incidentKinds.map((k) =>
      named(
        k,
        k.name && Object.hasOwn(INCIDENT_KIND_ENGLISH, k.id)
          ? INCIDENT_KIND_ENGLISH[k.id]
          : undefined,
      ),
    ),
  };
}
