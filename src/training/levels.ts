/** The levels' names: 见习 / 初级 / 中级. */
import type { Bilingual } from './api.ts';
import type { Level } from './schema.ts';

export const LEVEL_LABELS: Record<Level, Bilingual> = {
  trainee: { zh: '见习', en: 'Trainee' },
  junior: { zh: '初级', en: 'Junior' },
  intermediate: { zh: '中级', en: 'Intermediate' },
};
