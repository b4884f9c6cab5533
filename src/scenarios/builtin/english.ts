/**
 * English names of the built-in scenarios' districts, agencies, units and incident kinds (`nameEn`), so
 * that the English page names them in English ("Putuo District", "Zhoushan Emergency Medical
 * Centre (120)") instead of showing their ids. Worked out from the Chinese names the cities are
 * written with: a district's by its id (the pinyin of its name) and the kind of division its
 * name ends in; an agency's by its city and what it is; an incident kind's from the kinds' table
 * in terms.ts; a unit's from the place its name starts with and what it is. A district, agency
 * or kind not covered here keeps no `nameEn` (the English page then shows the Chinese name) and
 * tests/unit/englishNames.test.ts fails; a unit only gets one where its place is known.
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

/** What a unit is, at the end of its name, longest first: "临城站水罐消防车" is 临城 + 站水罐消防车. */
const UNIT_KINDS: Array<[string, string]> = [
  ['站水域救援分队（冲锋舟）', 'fire station water rescue team (assault boats)'],
  ['站水域救援分队', 'fire station water rescue team'],
  ['站危化品洗消车', 'fire station hazmat decontamination truck'],
  ['站水罐消防车', 'fire station water tender'],
  ['站抢险救援车', 'fire station rescue truck'],
  ['消防救援大队水罐消防车', 'Fire and Rescue Brigade water tender'],
  ['消防救援大队抢险救援车', 'Fire and Rescue Brigade rescue truck'],
  ['急救站备用救护车', 'reserve ambulance'],
  ['急救站救护车', 'ambulance'],
  ['急救分站救护车', 'ambulance'],
  ['应急处置联动办公室（综治办）', 'emergency coordination office'],
  ['应急民兵分队（30人以上）', 'militia emergency squad (30 or more)'],
  ['卫生院救护车', 'health centre ambulance'],
  ['派出所警车', 'police station patrol car'],
  ['巡逻警车', 'police patrol car'],
  ['巡特警大队', 'SWAT brigade'],
  ['巡特警支队', 'SWAT detachment'],
  ['交警中队', 'traffic police squadron'],
  ['交警大队', 'traffic police brigade'],
  ['供水抢修队', 'water-supply repair team'],
  ['电力抢修队', 'power repair team'],
  ['燃气抢险队', 'gas emergency team'],
  ['防汛抢险队', 'flood-fighting team'],
  ['移动排涝泵车', 'mobile drainage pump truck'],
  ['海事巡逻艇', 'maritime patrol boat'],
  ['渔政执法救助船', 'fishery enforcement and rescue vessel'],
  ['乡镇应急队', 'township emergency teams'],
  ['专职消防队', 'full-time fire brigade'],
  ['森林消防专业队', 'forest firefighting team'],
  ['民兵应急排', 'militia emergency platoon'],
  ['民兵应急连', 'militia emergency company'],
  ['民兵应急分队', 'militia emergency squad'],
  ['应急救助队（临时安置）', 'relief team (temporary shelter)'],
  ['应急救助队', 'relief team'],
  ['应急联络组', 'emergency liaison group'],
  ['应急监测组', 'emergency monitoring team'],
  ['应急监测车', 'emergency monitoring vehicle'],
  ['新闻发布组', 'press team'],
  ['景区应急救援队', 'scenic area rescue team'],
  ['应急队', 'emergency team'],
];

/**
 * A place a unit's name starts with, in English: a district ("西山区" → "Xishan District",
 * "西山" → "Xishan"), the city ("临城" → "Lincheng"), or a body of the city's ("市民政局" →
 * "Lincheng Civil Affairs Bureau", by `agencyEnglish`); undefined for any other place (an
 * island, a town that is not a district), which a pinyin guess would only get wrong.
 */
function placeEnglish(
  place: string,
  districts: ScenarioInput['districts'],
  city: [string, string] | undefined,
): string | undefined {
  if (!place) return undefined;
  for (const d of districts) {
    if (!d.name || !d.nameEn || !/^[a-z]+$/.test(d.id)) continue;
    if (place === d.name) return d.nameEn;
    if (d.name.length === place.length + 1 && d.name.startsWith(place))
      return `${d.id[0].toUpperCase()}${d.id.slice(1)}`;
  }
  if (place.endsWith('中心镇')) {
    const around = placeEnglish(place.slice(0, -3), districts, city);
    return around && `${around} central town`;
  }
  const none = new Map<string, string>();
  for (const [zh, en] of CITIES) {
    if (place === zh || place === `${zh}市`) return en;
    if (place.startsWith(zh)) return agencyEnglish(place, none);
  }
  if (city && (place.startsWith('市') || place.startsWith('县'))) {
    const body = place.slice(1);
    if (!body) return city[1];
    return agencyEnglish(
      city[0].endsWith('县') ? `${city[0]}${body}` : `${city[0]}市${body}`,
      none,
    );
  }
  return undefined;
}

/** A unit's English name: its place's and what it is ("Lincheng fire station water tender"). */
export function unitEnglish(
  name: string,
  districts: ScenarioInput['districts'],
  city: [string, string] | undefined,
): string | undefined {
  const kind = UNIT_KINDS.find(([suffix]) => name.endsWith(suffix));
  if (!kind) return undefined;
  const place = placeEnglish(name.slice(0, -kind[0].length), districts, city);
  return place ? `${place} ${kind[1]}` : undefined;
}

/** What a base is, at the end of its name, longest first: "东湖消防救援站" is 东湖 + 消防救援站. */
const BASE_KINDS: Array<[string, string]> = [
  ['中心镇卫生院急救点及派出所', 'central town health centre first-aid post and police station'],
  ['消防救援站及急救分站', 'fire and rescue station and ambulance sub-station'],
  ['消防救援站', 'fire and rescue station'],
  ['公安分局', 'public security sub-bureau'],
  ['急救分站', 'ambulance sub-station'],
  ['急救站', 'ambulance station'],
  ['急救中心', 'Emergency Medical Centre'],
  ['派出所', 'police station'],
  ['综合应急服务站', 'emergency service station'],
  ['乡镇（街道）应急服务中心', 'township emergency service centre'],
  ['乡镇（街道）应急服务站', 'township emergency service station'],
  ['防汛抢险物资仓库', 'flood-fighting supplies depot'],
  ['供电抢修站', 'power repair station'],
  ['公用事业抢修站', 'utilities repair station'],
  ['区公用事业应急抢修中心', 'District utilities emergency repair centre'],
  ['公用事业应急抢修中心', 'utilities emergency repair centre'],
  ['民兵应急连营区', 'militia emergency company barracks'],
  ['市级机关大院', 'city government compound'],
  ['港区海上搜救及渔政码头', 'port maritime search-and-rescue and fishery pier'],
  ['森林防火检查站及专业队营地', 'forest-fire checkpoint and team camp'],
  ['应急救援志愿者服务站', 'emergency volunteer station'],
  ['区应急救援志愿者服务站', 'District emergency volunteer station'],
];

/** A base's English name: as an agency's, else its place's and what it is ("Donghu fire and rescue station"). */
export function baseEnglish(
  name: string,
  districts: ScenarioInput['districts'],
  byChinese: ReadonlyMap<string, string>,
  city: [string, string] | undefined,
): string | undefined {
  const illustrative = '（示例位置）';
  if (name.endsWith(illustrative)) {
    const en = baseEnglish(name.slice(0, -illustrative.length), districts, byChinese, city);
    return en && `${en} (illustrative location)`;
  }
  const asAgency = agencyEnglish(name, byChinese);
  if (asAgency) return asAgency;
  const kind = BASE_KINDS.find(([suffix]) => name.endsWith(suffix));
  if (!kind) return undefined;
  const place = placeEnglish(name.slice(0, -kind[0].length), districts, city);
  return place ? `${place} ${kind[1]}` : undefined;
}

/** The city (or county) a scenario's agencies are named after, if they name one. */
function cityOf(agencies: ScenarioInput['agencies']): [string, string] | undefined {
  return CITIES.find(([zh]) => agencies.some((a) => a.name?.startsWith(zh)));
}

/** A built-in scenario with the English names of its districts, agencies, bases, units and incident kinds. */
export function withEnglishNames(input: ScenarioInput): ScenarioInput {
  const districts = input.districts.map((d) => named(d, districtEnglish(d.id, d.name ?? '')));
  const byChinese = new Map(
    districts.flatMap((d) => (d.name && d.nameEn ? [[d.name, d.nameEn] as const] : [])),
  );
  const city = cityOf(input.agencies);
  return {
    ...input,
    districts,
    agencies: input.agencies.map((a) => named(a, agencyEnglish(a.name ?? '', byChinese))),
    units: input.units.map((u) => named(u, unitEnglish(u.name ?? '', districts, city))),
    bases: input.bases.map((b) => named(b, baseEnglish(b.name ?? '', districts, byChinese, city))),
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
