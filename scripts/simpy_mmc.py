#!/usr/bin/env python3
"""SimPy 3 benchmark of an M/M/c queue, as a reference point for the simulator's speed.

Runs `--calls` customers through a `simpy.Resource` with `--servers` servers (FCFS),
exponential interarrival times (rate `--arrival-rate`) and exponential service times
(rate `--service-rate` per server). Only `env.run()` is timed, in CPU time of the process (time.process_time), as the bench times ours.
Prints one JSON line:

    {"calls": N, "seconds": S, "callsPerSecond": X, "meanWait": W, "simpyVersion": "..."}

where meanWait is the mean time spent waiting in queue. For an M/M/c queue it should approach
Erlang C's Wq = C(c, λ/μ) / (cμ − λ); with the defaults (c = 3, λ = 1.5, μ = 1) that is
3/19 ≈ 0.1579 (and Lq = λ·Wq = 9/38 ≈ 0.2368).

Needs Debian's python3 with python3-simpy3 (or any Python with simpy 3 or 4 installed):

    apt-get install -y --no-install-recommends python3-simpy3
    /usr/bin/python3 scripts/simpy_mmc.py --servers 3 --arrival-rate 1.5 --service-rate 1 \\
        --calls 200000 --seed 1
"""

import argparse
import json
import random
import sys
import time

try:
    import simpy
except ImportError:  # pragma: no cover - message for a missing dependency
    sys.exit(
        "simpy is not installed: apt-get install -y --no-install-recommends python3-simpy3"
    )


def simpy_version():
    version = getattr(simpy, "__version__", None)
    if version:
        return str(version)
    try:
        from importlib.metadata import version as dist_version

        return dist_version("simpy")
    except Exception:  # noqa: BLE001 - best effort only
        return "unknown"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--servers", type=int, default=3)
    parser.add_argument("--arrival-rate", type=float, default=1.5)
    parser.add_argument("--service-rate", type=float, default=1.0)
    parser.add_argument("--calls", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.servers < 1:
        parser.error("--servers must be >= 1")
    if args.arrival_rate <= 0 or args.service_rate <= 0:
        parser.error("rates must be > 0")
    if args.calls < 1:
        parser.error("--calls must be >= 1")
    return args


def main(argv=None):
    args = parse_args(argv)
    rng = random.Random(args.seed)
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=args.servers)
    stats = {"completed": 0, "total_wait": 0.0}

    def call(env):
        arrived = env.now
        with servers.request() as request:
            yield request
            stats["total_wait"] += env.now - arrived
            yield env.timeout(rng.expovariate(args.service_rate))
        stats["completed"] += 1

    def source(env):
        for _ in range(args.calls):
            yield env.timeout(rng.expovariate(args.arrival_rate))
            env.process(call(env))

    env.process(source(env))
    start = time.process_time()
    env.run()  # until every call has been served
    seconds = time.process_time() - start

    completed = stats["completed"]
    result = {
        "calls": completed,
        "seconds": seconds,
        "callsPerSecond": completed / seconds if seconds > 0 else None,
        "meanWait": stats["total_wait"] / completed,
        "simpyVersion": simpy_version(),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
