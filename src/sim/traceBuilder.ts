/**
 * Writes a trace record by record (see trace.ts for what a record means). The columns of
 * indices — incident, unit, place, command, and the incident table — start one byte wide and are
 * widened once, by copy, when a value needs more (Int8 → Int16 → Int32): a run names few units,
 * places and commands, so most of them stay narrow and a record takes 25 bytes rather than 34.
 * The finished trace keeps these widths (readers index them as numbers); its digest hashes them
 * as Int32, so a narrow trace and a wide one with the same records have the same digest.
 */
import type { DecisionTable } from './dispatch/decisionTable.ts';
import type { Trace, TraceHeader } from './trace.ts';
import {
  exact,
  grownCapacity,
  indexArrayFor,
  type IndexArray,
  NARROWEST,
  resized,
  widenedFor,
  widthOf,
} from './traceBuffers.ts';

export class TraceBuilder {
  length = 0;
  private capacity: number;
  time: Float64Array;
  kind: Uint8Array;
  incident: IndexArray;
  unit: IndexArray;
  place: IndexArray;
  cause: Uint8Array;
  value: Float64Array;
  command: IndexArray;
  incidentCount = 0;
  private incidentCapacity: number;
  incidentKind: IndexArray;
  incidentDistrict: IndexArray;
  incidentPlace: IndexArray;
  // The largest value each index column can hold in its present width (see traceBuffers.ts).
  private incidentHigh = NARROWEST.high;
  private unitHigh = NARROWEST.high;
  private placeHigh = NARROWEST.high;
  private commandRange = NARROWEST;
  private commandNow = -1;

  /** Room for records and incidents up front: an estimate of the run saves growing's copies. */
  constructor(initialCapacity = 4096, initialIncidents = 1024) {
    this.capacity = Math.max(1, initialCapacity);
    this.incidentCapacity = Math.max(1, initialIncidents);
    const capacity = this.capacity;
    this.incidentKind = new Int8Array(this.incidentCapacity);
    this.incidentDistrict = new Int8Array(this.incidentCapacity);
    this.incidentPlace = new Int8Array(this.incidentCapacity);
    this.time = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    // As wide as the incidents expected need, so that a long run does not widen (copy) it in its
    // first seconds, and allocate while the other buffers are young (V8 answers with scavenges).
    this.incident = indexArrayFor(this.incidentCapacity - 1, capacity);
    this.incidentHigh = widthOf(this.incident).high;
    this.unit = new Int8Array(capacity);
    this.place = new Int8Array(capacity);
    this.cause = new Uint8Array(capacity);
    this.value = new Float64Array(capacity);
    this.command = new Int8Array(capacity);
  }

  /** The command being applied (−1: none), written with every record. */
  get currentCommand(): number {
    return this.commandNow;
  }

  set currentCommand(command: number) {
    if (command > this.commandRange.high || command < this.commandRange.low) {
      this.command = widenedFor(this.command, command, this.length, this.capacity);
      this.commandRange = widthOf(this.command);
    }
    this.commandNow = command;
  }

  record(
    time: number,
    kind: number,
    incident: number,
    unit: number,
    place: number,
    cause: number,
    value: number,
  ): void {
    if (this.length === this.capacity) this.grow();
    // Every width holds −128 … 127: a value outside that is rare and checked out of line.
    const low = NARROWEST.low;
    if (
      incident > this.incidentHigh ||
      unit > this.unitHigh ||
      place > this.placeHigh ||
      incident < low ||
      unit < low ||
      place < low
    ) {
      this.widenFor(incident, unit, place);
    }
    const i = this.length++;
    this.time[i] = time;
    this.kind[i] = kind;
    this.incident[i] = incident;
    this.unit[i] = unit;
    this.place[i] = place;
    this.cause[i] = cause;
    this.value[i] = value;
    this.command[i] = this.commandNow;
  }

  /** Widens the columns of incident, unit and place that cannot hold these values. */
  private widenFor(incident: number, unit: number, place: number): void {
    const { length, capacity } = this;
    this.incident = widenedFor(this.incident, incident, length, capacity);
    this.unit = widenedFor(this.unit, unit, length, capacity);
    this.place = widenedFor(this.place, place, length, capacity);
    this.incidentHigh = widthOf(this.incident).high;
    this.unitHigh = widthOf(this.unit).high;
    this.placeHigh = widthOf(this.place).high;
  }

  /** Adds an incident to the table and returns its index. */
  addIncident(kind: number, district: number, place: number): number {
    const count = this.incidentCount;
    if (count === this.incidentCapacity) {
      this.incidentCapacity = grownCapacity(this.incidentCapacity);
      this.incidentKind = resized(this.incidentKind, this.incidentCapacity);
      this.incidentDistrict = resized(this.incidentDistrict, this.incidentCapacity);
      this.incidentPlace = resized(this.incidentPlace, this.incidentCapacity);
    }
    const capacity = this.incidentCapacity;
    this.incidentKind = widenedFor(this.incidentKind, kind, count, capacity);
    this.incidentDistrict = widenedFor(this.incidentDistrict, district, count, capacity);
    this.incidentPlace = widenedFor(this.incidentPlace, place, count, capacity);
    this.incidentCount = count + 1;
    this.incidentKind[count] = kind;
    this.incidentDistrict[count] = district;
    this.incidentPlace[count] = place;
    return count;
  }

  /** The finished trace, its arrays of exact length (large ones views, see traceBuffers.ts). */
  finish(header: TraceHeader, places: Float64Array, decisions?: DecisionTable): Trace {
    const n = this.length;
    const m = this.incidentCount;
    return {
      header,
      length: n,
      time: exact(this.time, n),
      kind: exact(this.kind, n),
      incident: exact(this.incident, n),
      unit: exact(this.unit, n),
      place: exact(this.place, n),
      cause: exact(this.cause, n),
      value: exact(this.value, n),
      command: exact(this.command, n),
      incidentCount: m,
      incidentKind: exact(this.incidentKind, m),
      incidentDistrict: exact(this.incidentDistrict, m),
      incidentPlace: exact(this.incidentPlace, m),
      places,
      ...(decisions ? { decisions } : {}),
    };
  }

  private grow(): void {
    this.capacity = grownCapacity(this.capacity);
    this.time = resized(this.time, this.capacity);
    this.kind = resized(this.kind, this.capacity);
    this.incident = resized(this.incident, this.capacity);
    this.unit = resized(this.unit, this.capacity);
    this.place = resized(this.place, this.capacity);
    this.cause = resized(this.cause, this.capacity);
    this.value = resized(this.value, this.capacity);
    this.command = resized(this.command, this.capacity);
  }
}
