/**
 * Closed-form results from queueing theory, used to validate the simulator against
 * analytically tractable cases (M/M/c/c loss systems and M/M/c delay systems).
 *
 * Notation: c = number of servers, λ = arrival rate, μ = service rate per server,
 * A = λ/μ = offered load in Erlangs, ρ = A/c = server utilisation.
 *
 * All functions are pure and deterministic.
 */

function assertServers(servers: number): void {
  if (!Number.isInteger(servers) || servers < 0) {
    throw new RangeError(`servers must be a non-negative integer, got ${servers}`);
  }
}

function assertNonNegativeFinite(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite non-negative number, got ${value}`);
  }
}

/**
 * Erlang B formula: blocking probability of an M/M/c/c loss system,
 *
 *   B(c, A) = (A^c / c!) / Σ_{k=0..c} A^k / k!
 *
 * evaluated with the numerically stable recursion (no factorials or large powers):
 *
 *   B(0, A) = 1,   B(k, A) = A·B(k−1, A) / (k + A·B(k−1, A)).
 *
 * @param servers number of servers c (non-negative integer)
 * @param offeredLoad offered traffic A = λ/μ in Erlangs (≥ 0)
 */
export function erlangB(servers: number, offeredLoad: number): number {
  assertServers(servers);
  assertNonNegativeFinite('offeredLoad', offeredLoad);
  let b = 1;
  for (let k = 1; k <= servers; k++) {
    const ab = offeredLoad * b;
    b = ab / (k + ab);
  }
  return b;
}

/**
 * Erlang C formula: probability that an arriving customer has to wait in an M/M/c queue,
 * obtained from Erlang B as
 *
 *   C(c, A) = c·B(c, A) / (c − A·(1 − B(c, A))),
 *
 * which equals the textbook form (A^c/c!)·(c/(c−A)) / (Σ_{k<c} A^k/k! + (A^c/c!)·(c/(c−A))).
 *
 * @throws RangeError if offeredLoad ≥ servers (the queue is unstable, ρ ≥ 1)
 */
export function erlangC(servers: number, offeredLoad: number): number {
  assertServers(servers);
  assertNonNegativeFinite('offeredLoad', offeredLoad);
  if (offeredLoad >= servers) {
    throw new RangeError(
      `unstable queue: offeredLoad (${offeredLoad}) must be < servers (${servers})`,
    );
  }
  const b = erlangB(servers, offeredLoad);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

function offeredLoadOf(arrivalRate: number, serviceRate: number): number {
  assertNonNegativeFinite('arrivalRate', arrivalRate);
  if (!Number.isFinite(serviceRate) || serviceRate <= 0) {
    throw new RangeError(`serviceRate must be a finite positive number, got ${serviceRate}`);
  }
  return arrivalRate / serviceRate;
}

/**
 * Mean waiting time in queue (excluding service) of an M/M/c system:
 *
 *   Wq = C(c, λ/μ) / (c·μ − λ).
 *
 * @throws RangeError if λ ≥ c·μ (unstable)
 */
export function mmcMeanWait(servers: number, arrivalRate: number, serviceRate: number): number {
  const c = erlangC(servers, offeredLoadOf(arrivalRate, serviceRate));
  return c / (servers * serviceRate - arrivalRate);
}

/**
 * Tail of the waiting-time distribution of an M/M/c system (FCFS):
 *
 *   P(Wq > t) = C(c, λ/μ) · exp(−(c·μ − λ)·t),   t ≥ 0.
 *
 * For t < 0 the probability is 1 (every wait is ≥ 0).
 *
 * @throws RangeError if λ ≥ c·μ (unstable)
 */
export function mmcWaitExceedsProbability(
  servers: number,
  arrivalRate: number,
  serviceRate: number,
  t: number,
): number {
  if (Number.isNaN(t)) throw new RangeError('t must not be NaN');
  const c = erlangC(servers, offeredLoadOf(arrivalRate, serviceRate));
  if (t < 0) return 1;
  return c * Math.exp(-(servers * serviceRate - arrivalRate) * t);
}
