/**
 * The list of built-in scenarios as the page shows it: ids and titles only. The scenarios
 * themselves (index.ts) are built in the simulation worker, so that the page does not carry the
 * generators and the cities' district boundaries.
 */

export interface BuiltinEntry {
  id: string;
  /** Title in English and Chinese. */
  title: { en: string; zh: string };
}

export const DEFAULT_SCENARIO_ID = 'default-city';

/** In the order the page lists them; index.ts gives each id its scenario. */
export const BUILTIN_CATALOGUE = [
  { id: 'default-city', title: { en: 'Lincheng (illustrative city)', zh: '临城（示例城市）' } },
  {
    id: 'benchmark-city',
    title: { en: 'Benchmark city (one year, city scale)', zh: '基准城市（一年，城市规模）' },
  },
  { id: 'mmc-3-queue', title: { en: 'Reference queue M/M/3', zh: '参考排队模型 M/M/3' } },
  {
    id: 'huzhou-flood',
    title: {
      en: 'Huzhou: typhoon flood, military–civil coordination',
      zh: '湖州：台风暴雨洪涝（军地联动）',
    },
  },
  {
    id: 'zhoushan-islands',
    title: {
      en: 'Zhoushan: island city, tiered partner agencies',
      zh: '舟山：海岛城市分级社会应急联动',
    },
  },
  {
    id: 'jinhua-hazmat-drill',
    title: { en: 'Jinhua: one-hour hazmat leak drill', zh: '金华：危化品泄漏处置演练（一小时）' },
  },
  {
    id: 'township-group-incident',
    title: {
      en: 'Pujiang county: township group incident',
      zh: '浦江县：乡镇群体性事件应急处置联动',
    },
  },
  {
    id: 'weihai-forest-fire',
    title: {
      en: 'Weihai: forest-fire season, joint dispatch',
      zh: '威海：森林防火期联调联战（清明）',
    },
  },
] as const satisfies readonly BuiltinEntry[];

export type BuiltinId = (typeof BUILTIN_CATALOGUE)[number]['id'];
