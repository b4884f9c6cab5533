/**
 * Where calls come from: generated streams (non-homogeneous Poisson by hour of the week, by
 * thinning) and the scenario's listed calls, which enter through the command door one at a
 * time, in order of time.
 */
import type { Scenario } from '../../scenarios/schema.ts';
import type { Calendar } from '../calendar.ts';
import type { Engine, EventHandle } from '../engine.ts';
import { cumulativeWeights, exponential, pickIndex, type Stream } from '../random.ts';

export class CallGenerator {
  // Rate per hour of the week (calls/s), and the streams' cumulative shares by hour.
  private readonly ratePerHourOfWeek = new Float64Array(168);
  private readonly streamCumulativeByHour: Float64Array[] = [];
  private readonly kindOfStream: number[] = [];
  private readonly districtCumulativeByStream: Float64Array[] = [];
  private maxRate = 0;
  private readonly flat: boolean;
  private rateFactor = 1;
  private next: EventHandle | -1 = -1;
  private readonly candidateEvent: number;

  constructor(
    private readonly scenario: Scenario,
    private readonly engine: Engine,
    private readonly calendar: Calendar,
    private readonly streams: { arrivals: Stream; kinds: Stream; places: Stream },
    /** Registers the handler of the candidate event and returns its kind. */
    event: (handler: () => void) => number,
    /** A call is generated: its kind and district (two numbers, no object made per call). */
    private readonly receive: (kind: number, district: number) => void,
  ) {
    const kindIndex = new Map(scenario.incidentKinds.map((k, i) => [k.id, i]));
    const callStreams = scenario.arrivals.streams;
    const perStreamRates = callStreams.map((stream) => {
      const hours = normalised(stream.hourProfile ?? new Array(24).fill(1), 24);
      const days = normalised(stream.dayProfile ?? new Array(7).fill(1), 7);
      const rates = new Float64Array(168);
      for (let h = 0; h < 168; h++) {
        rates[h] = (stream.callsPerDay / 86_400) * hours[h % 24] * days[Math.floor(h / 24)];
      }
      return rates;
    });
    for (const stream of callStreams) {
      this.kindOfStream.push(kindIndex.get(stream.kind) ?? 0);
      const weights = scenario.districts.map((d) =>
        stream.districts ? (stream.districts[d.id] ?? 0) : d.callWeight,
      );
      this.districtCumulativeByStream.push(cumulativeWeights(weights));
    }
    for (let h = 0; h < 168; h++) {
      const rates = perStreamRates.map((r) => r[h]);
      this.ratePerHourOfWeek[h] = rates.reduce((a, b) => a + b, 0);
      this.streamCumulativeByHour.push(cumulativeWeights(rates.length ? rates : [1]));
      this.maxRate = Math.max(this.maxRate, this.ratePerHourOfWeek[h]);
    }
    // Every hour alike (no hour or day profiles): any hour gives the same answers, so the
    // candidate need not work out which hour it is in.
    this.flat = perStreamRates.every((rates) => rates.every((rate) => rate === rates[0]));
    this.candidateEvent = event(() => this.onCandidate());
  }

  start(): void {
    this.scheduleNext();
  }

  /** Scales every stream's rate from now on (an external command). */
  setRateFactor(factor: number): void {
    this.rateFactor = factor;
    // The arrival process is memoryless: redraw the next candidate at the new rate.
    if (this.next !== -1) this.engine.cancel(this.next);
    this.scheduleNext();
  }

  /** Thinning (Lewis and Shedler): candidates at the peak rate, kept with probability λ(t)/λmax. */
  private scheduleNext(): void {
    const peak = this.maxRate * this.rateFactor;
    if (!(peak > 0)) {
      this.next = -1;
      return;
    }
    const time = this.engine.now + exponential(this.streams.arrivals, 1 / peak);
    this.next =
      time <= this.scenario.duration ? this.engine.schedule(time, this.candidateEvent) : -1;
  }

  private onCandidate(): void {
    const hour = this.flat ? 0 : this.calendar.hourOfWeek(this.engine.now);
    const accept = this.streams.arrivals.next() * this.maxRate < this.ratePerHourOfWeek[hour];
    if (accept) {
      const stream = pickIndex(this.streamCumulativeByHour[hour], this.streams.kinds.next());
      const district = pickIndex(
        this.districtCumulativeByStream[stream],
        this.streams.places.next(),
      );
      // The next candidate first: what the call sets off (a decision, perhaps one a person
      // answers later) must come after it in the event queue, whoever decides.
      this.scheduleNext();
      this.receive(this.kindOfStream[stream], district);
    } else {
      this.scheduleNext();
    }
  }
}

function normalised(weights: readonly number[], length: number): Float64Array {
  const total = weights.reduce((a, b) => a + b, 0);
  return Float64Array.from(weights, (w) => (total > 0 ? (w * length) / total : 0));
}
