/**
 * Commands: everything that enters a run from outside at a given time goes through one door as
 * a command — the scenario's external events and listed calls, a drill's injects, an operator's
 * dispatch answers. Each has an id and a source; the trace records which command caused each
 * record it wrote (see src/sim/trace.ts).
 */
import type { ExternalEvent, ListedIncident } from './schema.ts';

type WithoutAt<T> = T extends unknown ? Omit<T, 'at'> : never;

/** A road closed, damaged or reopened; a unit out of or back in service; a season; a level; a surge. */
export type EventCommand = WithoutAt<ExternalEvent>;

/** A call: an incident of a kind at a place (or somewhere in a district). */
export interface CallCommand {
  type: 'call';
  kind: string;
  location?: ListedIncident['location'];
  district?: string;
  /** The incident's severity, 1 (catastrophic) to 4 (general), instead of its kind's. */
  severity?: number;
  /** Participants of a group incident, instead of a draw. */
  participants?: number;
}

/** The answer to a dispatch decision the run stopped at: a unit id per slot, or null (leave open). */
export interface DispatchCommand {
  type: 'dispatch';
  /** The decision's number in the run (0 first). */
  decision: number;
  answer: Array<{ slot: number; unit: string | null }>;
}

export type Command = EventCommand | CallCommand | DispatchCommand;

export type CommandSource = 'scenario' | 'drill' | 'operator';

/** A command as logged by a session: submitted after `afterEvents` events, to act at `at`. */
export interface LoggedCommand {
  id: string;
  source: CommandSource;
  /** Events the run had handled when the command was submitted (replays submit it there). */
  afterEvents: number;
  /** When it acts, in seconds from the start (now, if submitted without a time). */
  at: number;
  command: Command;
}
