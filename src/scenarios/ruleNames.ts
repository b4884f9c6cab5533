/**
 * The coordination rules' names, in Chinese and English, with their numbers: one name per rule
 * wherever it is shown (the rule editor, the comparison's variants, the results). Typed by the
 * rule ids, so a new rule without a name fails tsc.
 */
import type { RuleId } from './rules/index.ts';

export const RULE_NAMES: Record<RuleId, { zh: string; en: string }> = {
  tiers: { zh: '联动单位分级（规则 1）', en: 'Tiers of partner agencies (rule 1)' },
  command: { zh: '分级指挥与专项指挥部（规则 2）', en: 'Graded command and special HQs (rule 2)' },
  firstReceiver: { zh: '首接负责制（规则 3）', en: 'First-receiver responsibility (rule 3)' },
  maritime: { zh: '海上搜救移交（规则 4）', en: 'Maritime search-and-rescue hand-off (rule 4)' },
  triage: { zh: '非紧急警情转 12345（规则 5）', en: 'Non-emergency calls to 12345 (rule 5)' },
  fireRescueApproval: {
    zh: '消防救援调派其他力量报批（规则 6）',
    en: 'Approval for fire rescue to send other forces (rule 6)',
  },
  reinforcement: { zh: '跨区域增援（规则 7）', en: 'Cross-region reinforcement (rule 7)' },
  military: { zh: '军地联动申请兵力（规则 8）', en: 'Military support on request (rule 8)' },
  groupIncidents: {
    zh: '群体性事件分级与邻近支援（规则 9）',
    en: 'Group incidents and neighbour support (rule 9)',
  },
  rearSupply: {
    zh: '前后方指挥部物资保障（规则 10）',
    en: 'Forward and rear HQ supplies (rule 10)',
  },
  traffic: {
    zh: '交通管制与应急通道（规则 11）',
    en: 'Traffic control and emergency lanes (rule 11)',
  },
  growth: { zh: '事态升级（规则 12）', en: 'Incident growth (rule 12)' },
  feedback: { zh: '反馈与回访（规则 13）', en: 'Reports and call-backs (rule 13)' },
  assessment: { zh: '考核扣分（规则 14）', en: 'Assessment, points deducted (rule 14)' },
};
