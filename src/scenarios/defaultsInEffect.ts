/**
 * Settings a scenario file leaves out and that therefore take their defaults — the ones that
 * change a study without a word when nobody notices: call handling, mobilisation, the travel
 * model's detour and emergency speed factors, the redispatch of returning units. `sim validate`
 * lists them and the printed report marks them. Read from the file as written (plain JSON,
 * before the schema fills the defaults in).
 */
import type { Language } from './messages.ts';

export interface DefaultInEffect {
  /** Where the value would be written (`dispatch.callHandling`, `units[*].mobilisation`). */
  path: string;
  /** The default that applies, in words. */
  value: Record<Language, string>;
  /** For lists: how many of how many items leave it out. */
  count?: [number, number];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function defaultsInEffect(input: unknown): DefaultInEffect[] {
  if (!isRecord(input)) return [];
  const found: DefaultInEffect[] = [];
  const dispatch = isRecord(input.dispatch) ? input.dispatch : {};
  const travel = isRecord(input.travel) ? input.travel : {};
  if (dispatch.callHandling === undefined) {
    found.push({
      path: 'dispatch.callHandling',
      value: { zh: '接警研判 固定 60 秒', en: 'call handling fixed 60 s' },
    });
  }
  const units = Array.isArray(input.units) ? input.units : [];
  const without = units.filter((unit) => isRecord(unit) && unit.mobilisation === undefined).length;
  if (without > 0) {
    found.push({
      path: 'units[*].mobilisation',
      value: { zh: '出动准备 固定 60 秒', en: 'mobilisation fixed 60 s' },
      count: [without, units.length],
    });
  }
  if (travel.model === 'distance' && travel.detourFactor === undefined) {
    found.push({
      path: 'travel.detourFactor',
      value: { zh: '绕行系数 1.3', en: 'detour factor 1.3' },
    });
  }
  if (
    travel.model !== undefined &&
    travel.model !== 'matrix' &&
    travel.emergencySpeedFactor === undefined
  ) {
    found.push({
      path: 'travel.emergencySpeedFactor',
      value: { zh: '紧急通行车速系数 1.2', en: 'emergency speed factor 1.2' },
    });
  }
  const kinds = Array.isArray(input.incidentKinds) ? input.incidentKinds.filter(isRecord) : [];
  if (
    travel.model !== undefined &&
    travel.model !== 'matrix' &&
    travel.nonEmergencySpeedFactor === undefined &&
    kinds.some((kind) => kind.responseMode === 'nonEmergency')
  ) {
    found.push({
      path: 'travel.nonEmergencySpeedFactor',
      value: { zh: '非紧急出警车速系数 1', en: 'non-emergency speed factor 1' },
    });
  }
  const transports = kinds.map((kind) => kind.transport).filter(isRecord);
  const withoutSirens = transports.filter((transport) => transport.emergency === undefined).length;
  if (withoutSirens > 0) {
    found.push({
      path: 'incidentKinds[*].transport.emergency',
      value: {
        zh: `送医途中不用警灯警报（${withoutSirens} 类事件）`,
        en: `transport to hospital without lights and sirens (${withoutSirens} kind${withoutSirens === 1 ? '' : 's'} of incident)`,
      },
    });
  }
  if (dispatch.redispatchReturning === undefined) {
    found.push({
      path: 'dispatch.redispatchReturning',
      value: { zh: '返程力量可改派：是', en: 'returning units may be redirected: yes' },
    });
  }
  return found;
}
