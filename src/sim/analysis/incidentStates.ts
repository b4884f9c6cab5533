/**
 * Each incident's state through a run (waiting, queued, responding, working, then how it
 * ended), followed record by record as the replay index is built: a segment at every change,
 * with the time of the call and the time it finished.
 */
import { RecordKind, type Trace } from '../trace.ts';

export const INCIDENT_STATES = [
  'waiting',
  'queued',
  'responding',
  'working',
  'overflowed',
  'closed',
  'unanswered',
  'sentTo12345',
] as const;
/** `waiting`: no unit yet; `responding`: units dispatched, none on scene; `working`: on scene. */
export type IncidentState = (typeof INCIDENT_STATES)[number];

export interface IncidentSegment {
  start: number;
  state: IncidentState;
}

const TERMINAL: ReadonlySet<IncidentState> = new Set(['closed', 'unanswered', 'sentTo12345']);

/** Follows each incident's state through the trace, recording a segment at every change. */
export class IncidentTracker {
  private readonly coming: Int32Array;
  private readonly onScene: Int32Array;
  private readonly queued: Uint8Array;
  private readonly overflowed: Uint8Array;
  private readonly outside: Uint8Array;
  private readonly terminal: Array<IncidentState | null>;
  private readonly segments: IncidentSegment[][];
  private readonly calledAt: Float64Array;
  private readonly finishedAt: Float64Array;

  constructor(private readonly trace: Trace) {
    const count = trace.incidentCount;
    this.coming = new Int32Array(count);
    this.onScene = new Int32Array(count);
    this.queued = new Uint8Array(count);
    this.overflowed = new Uint8Array(count);
    this.outside = new Uint8Array(count);
    this.terminal = new Array<IncidentState | null>(count).fill(null);
    this.segments = Array.from({ length: count }, () => []);
    this.calledAt = new Float64Array(count).fill(NaN);
    this.finishedAt = new Float64Array(count).fill(Infinity);
  }

  /** Takes record i into account; `unitIncident` tells which incident a unit serves (before i). */
  record(i: number, unitIncident: Int32Array): void {
    const trace = this.trace;
    const kind = trace.kind[i];
    const unit = trace.unit[i];
    let incident = trace.incident[i];
    // A unit that could not reach its incident leaves it without naming it.
    if (incident < 0 && kind === RecordKind.available && unit >= 0) incident = unitIncident[unit];
    if (incident < 0) return;
    switch (kind) {
      case RecordKind.callReceived:
        this.calledAt[incident] = trace.time[i];
        break;
      case RecordKind.dispatched:
        this.coming[incident]++;
        this.queued[incident] = 0;
        break;
      case RecordKind.arrived:
        this.coming[incident]--;
        this.onScene[incident]++;
        break;
      case RecordKind.cleared:
        this.onScene[incident]--;
        break;
      case RecordKind.available:
        this.coming[incident]--;
        break;
      case RecordKind.queued:
        this.queued[incident] = 1;
        break;
      case RecordKind.overflowed:
        this.overflowed[incident] = 1;
        break;
      case RecordKind.outsideArrived:
        this.outside[incident] = 1;
        break;
      case RecordKind.closed:
        this.terminal[incident] = 'closed';
        break;
      case RecordKind.unanswered:
        this.terminal[incident] = 'unanswered';
        break;
      case RecordKind.sentTo12345:
        this.terminal[incident] = 'sentTo12345';
        break;
      default:
        return;
    }
    if (Number.isNaN(this.calledAt[incident])) this.calledAt[incident] = trace.time[i];
    const state = this.stateOf(incident);
    if (TERMINAL.has(state) && this.finishedAt[incident] === Infinity) {
      this.finishedAt[incident] = trace.time[i];
    }
    const list = this.segments[incident];
    const last = list[list.length - 1];
    if (last && last.state === state) return;
    if (last && last.start === trace.time[i]) list[list.length - 1] = { start: last.start, state };
    else list.push({ start: trace.time[i], state });
  }

  private stateOf(incident: number): IncidentState {
    const terminal = this.terminal[incident];
    if (terminal) return terminal;
    if (this.onScene[incident] > 0 || this.outside[incident]) return 'working';
    if (this.coming[incident] > 0) return 'responding';
    if (this.overflowed[incident]) return 'overflowed';
    if (this.queued[incident]) return 'queued';
    return 'waiting';
  }

  finish() {
    return { segments: this.segments, calledAt: this.calledAt, finishedAt: this.finishedAt };
  }
}
