/**
 * The CSV call import (src/scenarios/importCalls.ts, shared with the CLI) reports in English;
 * these patterns give the page's Chinese wording for each of its messages. A message not
 * matched here is shown as it is.
 */
import type { Language } from '../i18n.ts';

const zhPatterns: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^the file is empty$/, () => '文件为空'],
  [/^no column "(.*)" \(columns: (.*)\)$/s, (m) => `没有名为“${m[1]}”的列（现有列：${m[2]}）`],
  [
    /^map either the lon and lat columns or a district column$/,
    () => '请选择经度和纬度列，或辖区列',
  ],
  [
    /^time "(.*)" is not a date-time YYYY-MM-DD HH:MM or seconds$/s,
    (m) => `时间“${m[1]}”既不是 YYYY-MM-DD HH:MM 格式的日期时间，也不是秒数`,
  ],
  [/^the call is before the scenario start$/, () => '来电时间早于情景开始时间'],
  [
    /^kind "(.*)" is not an incident kind of the scenario$/s,
    (m) => `类型“${m[1]}”不是本情景的事件类型（请在类型对应中选择）`,
  ],
  [
    /^"(.*)", "(.*)" is not a longitude, latitude$/s,
    (m) => `“${m[1]}”，“${m[2]}”不是有效的经度、纬度`,
  ],
];

export function callProblemText(message: string, language: Language): string {
  if (language === 'en') return message;
  for (const [pattern, render] of zhPatterns) {
    const match = pattern.exec(message);
    if (match) return render(match);
  }
  return message;
}
