/**
 * Per capability, the free units away from their base (on their way home, or left where they
 * are by a closed road), in roster order: the only units the nearest-unit search has to find
 * by a road search, kept so that it need not pass over every unit of a large fleet.
 */
import { UnitState, type Unit } from './types.ts';

export class AwayUnits {
  private readonly byCapability: number[][];
  private readonly listed: Uint8Array;

  constructor(units: readonly Unit[], unitsByCapability: readonly (readonly number[])[]) {
    this.byCapability = unitsByCapability.map(() => []);
    this.listed = new Uint8Array(units.length);
    for (const unit of units) this.refresh(unit);
  }

  /** The capable free units away from base, in roster order. */
  of(capability: number): readonly number[] {
    return this.byCapability[capability];
  }

  /** After a unit's state or place changed: lists or unlists it. */
  refresh(unit: Unit): void {
    if (unit.reserve) return; // never dispatched by the nearest-unit search
    const away =
      unit.state === UnitState.Returning ||
      (unit.state === UnitState.Available && unit.place !== unit.basePlace);
    if (away === (this.listed[unit.index] === 1)) return;
    this.listed[unit.index] = away ? 1 : 0;
    for (const capability of unit.capabilities) {
      const list = this.byCapability[capability];
      let low = 0;
      let high = list.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (list[middle] < unit.index) low = middle + 1;
        else high = middle;
      }
      if (away) list.splice(low, 0, unit.index);
      else list.splice(low, 1);
    }
  }
}
