#!/usr/bin/env python3
"""The `iocp-server` benchmark workload, modelled in SimPy.

This is the peer that `overlapped bench --workload iocp-server` is compared
against. It is written the way a SimPy user would write it: processes for the
worker threads and the disk requests, a `Resource` for the CPUs and one for
the disk's service slots, and a small completion-port class built on SimPy
events, because SimPy's `Store` hands items to getters in FIFO order while an
NT completion port wakes its waiters LIFO and throttles them with a running
count.

The model:

* `--clients` connections (default 1000). Each has exactly one request in
  flight: a 4 KiB read, then `--process-us` of CPU work (default 50 us) on a
  worker thread, then a 4 KiB write; when the write's completion has been
  dequeued, the request counts as done and the client's next read is issued.
* One disk serves reads and writes alike: `--parallel` requests in service
  at once (default 4), FIFO queue in front; each takes `--latency-us` plus a
  uniformly drawn integer in [0, `--jitter-us`] microseconds (defaults 2000
  and 500), so completions come back out of order, plus the transfer time
  4096 // `--bytes-per-us` (default 200 bytes per us: 20 us), as the
  simulated kernel's disk charges it.
* Every completion posts a packet to one completion port whose concurrency
  limit is `--cpus` (default 2). `--threads` worker threads (default 2 x CPUs
  = 4) loop on GetQueuedCompletionStatus.
* Port rules: FIFO packets, LIFO waiters, a running count. A posted packet
  goes straight to the newest waiter if running < limit (running += 1),
  otherwise it is queued. A thread calling Get again first gives back its
  running slot, then takes the oldest packet at once if running < limit,
  ahead of older waiters, and otherwise blocks even with packets queued.
* Threads that hold a packet need a CPU (`simpy.Resource`, capacity = CPUs)
  to do their work; a blocked thread does not hold one.
* The run stops when `--requests` requests (default 200,000) are done.

Virtual time is in integer microseconds; the random stream is seeded
(`--seed`, default 1), so a run is repeatable.
"""

import argparse
import collections
import json
import platform
import random
import sys
import time

import simpy

READ = "read"
WRITE = "write"
# Every read and write moves 4 KiB.
TRANSFER_BYTES = 4096

# A completion packet: which client's request finished, and which half of it.
Packet = collections.namedtuple("Packet", "client kind")


class CompletionPort:
    """An NT I/O completion port: FIFO packets, LIFO waiters, running count."""

    def __init__(self, env, concurrency_limit):
        self.env = env
        self.limit = concurrency_limit
        self.running = 0
        self.packets = collections.deque()  # oldest first
        self.waiters = []  # (thread, event); the newest waiter is last
        self.associated = set()

    def post(self, packet):
        """Queue a completion; hand it straight to the newest waiter if room."""
        if self.waiters and self.running < self.limit:
            _thread, wake = self.waiters.pop()
            self.running += 1
            wake.succeed(packet)
        else:
            self.packets.append(packet)

    def get(self, thread):
        """GetQueuedCompletionStatus: an event that fires with a packet."""
        if thread in self.associated:
            # The caller stops counting as running while it asks for more.
            self.running -= 1
        else:
            self.associated.add(thread)
        wake = self.env.event()
        if self.packets and self.running < self.limit:
            self.running += 1
            wake.succeed(self.packets.popleft())
        else:
            self.waiters.append((thread, wake))
        return wake


class Server:
    """The machine: CPUs, one disk, one completion port, the worker pool."""

    def __init__(self, env, args):
        self.env = env
        self.args = args
        self.rng = random.Random(args.seed)
        self.cpus = simpy.Resource(env, capacity=args.cpus)
        self.disk = simpy.Resource(env, capacity=args.parallel)
        self.port = CompletionPort(env, concurrency_limit=args.cpus)
        self.completed = 0
        self.all_done = env.event()

    def start_io(self, client, kind):
        """Issue an overlapped 4 KiB read or write; it completes to the port."""
        self.env.process(self.disk_request(Packet(client, kind)))

    def disk_request(self, packet):
        with self.disk.request() as slot:
            yield slot
            service = self.args.latency_us + self.rng.randint(0, self.args.jitter_us)
            if self.args.bytes_per_us > 0:
                service += TRANSFER_BYTES // self.args.bytes_per_us
            yield self.env.timeout(service)
        self.port.post(packet)

    def worker(self, thread):
        while True:
            packet = yield self.port.get(thread)
            with self.cpus.request() as cpu:
                yield cpu
                if packet.kind == READ:
                    yield self.env.timeout(self.args.process_us)
                    self.start_io(packet.client, WRITE)
                else:
                    self.completed += 1
                    if self.completed == self.args.requests:
                        self.all_done.succeed()
                    self.start_io(packet.client, READ)


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="iocp-server workload in SimPy (peer of `overlapped bench`).")
    p.add_argument("--clients", type=int, default=1000,
                   help="connections, one request in flight each (default 1000)")
    p.add_argument("--requests", type=int, default=200_000,
                   help="stop after this many requests are done (default 200000)")
    p.add_argument("--latency-us", type=int, default=2000,
                   help="disk base latency in microseconds (default 2000)")
    p.add_argument("--jitter-us", type=int, default=500,
                   help="extra latency, uniform integer in [0, N] us (default 500)")
    p.add_argument("--bytes-per-us", type=int, default=200,
                   help="disk transfer rate: each 4 KiB transfer adds 4096 // N us "
                        "(default 200, as the simulated kernel; 0 = instant)")
    p.add_argument("--parallel", type=int, default=4,
                   help="disk requests in service at once (default 4)")
    p.add_argument("--process-us", type=int, default=50,
                   help="CPU work per request after its read, us (default 50)")
    p.add_argument("--cpus", type=int, default=2,
                   help="simulated CPUs = port concurrency limit (default 2)")
    p.add_argument("--threads", type=int, default=None,
                   help="worker threads (default 2 x CPUs)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    args = p.parse_args(argv)
    if args.threads is None:
        args.threads = 2 * args.cpus
    for name in ("clients", "requests", "parallel", "cpus", "threads"):
        if getattr(args, name) < 1:
            p.error(f"--{name} must be at least 1")
    for name in ("latency_us", "jitter_us", "process_us", "bytes_per_us"):
        if getattr(args, name) < 0:
            p.error(f"--{name.replace('_', '-')} must not be negative")
    return args


def run(args):
    env = simpy.Environment()
    server = Server(env, args)
    for thread in range(args.threads):
        env.process(server.worker(thread))
    for client in range(args.clients):
        server.start_io(client, READ)
    started = time.perf_counter()
    env.run(until=server.all_done)
    wall = time.perf_counter() - started
    return {
        "side": "simpy",
        "workload": "iocp-server",
        "simulated_requests": server.completed,
        "virtual_time_us": int(env.now),
        "wall_time_s": round(wall, 6),
        "requests_per_second": round(server.completed / wall, 1) if wall > 0 else None,
        "params": {
            "clients": args.clients,
            "requests": args.requests,
            "read_bytes": 4096,
            "write_bytes": 4096,
            "latency_us": args.latency_us,
            "jitter_us": args.jitter_us,
            "bytes_per_us": args.bytes_per_us,
            "parallel": args.parallel,
            "process_us": args.process_us,
            "cpus": args.cpus,
            "threads": args.threads,
            "concurrency_limit": args.cpus,
            "seed": args.seed,
        },
        "simpy": simpy.__version__,
        "python": platform.python_version(),
    }


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    result = run(args)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"workload            iocp-server (SimPy {result['simpy']}, "
              f"Python {result['python']})")
        print(f"simulated requests  {result['simulated_requests']}")
        print(f"virtual time        {result['virtual_time_us'] / 1e6:.6f} s")
        print(f"wall time           {result['wall_time_s']:.3f} s")
        print(f"throughput          {result['requests_per_second']:.1f} "
              f"simulated requests per wall second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
