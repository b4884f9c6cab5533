/** Built-in cities on real district boundaries (see common.ts and scripts/extract-districts.ts). */
export { huzhouFlood } from './huzhou.ts';
export { zhoushanIslands } from './zhoushan.ts';
export { jinhuaHazmatDrill } from './jinhua.ts';
export { townshipGroupIncident } from './pujiang.ts';
export { weihaiForestFire } from './weihai.ts';
