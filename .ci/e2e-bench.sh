#!/usr/bin/env bash
# Smoke test of `overlapped bench`: the scaled-down workloads run from any
# folder, every one finishes, and the JSON has the documented shape (the
# fields bench/vs-simpy and bench/README.md rely on). Rates are not checked:
# this is usually a debug build on a busy machine.
set -euo pipefail
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"   # the workloads are built in; no bench/ folder needed

fail() { echo "e2e-bench: $*" >&2; exit 1; }

"$bin" bench --help 2>&1 | grep -Eiq 'usage: *overlapped bench' || fail "no 'bench' usage line"

start=$(date +%s)
"$bin" bench --quick --json >out.json 2>err.txt || { cat err.txt >&2; fail "'bench --quick --json' failed"; }
elapsed=$(( $(date +%s) - start ))
[ -s err.txt ] && { cat err.txt >&2; fail "stderr must stay empty when it is not a terminal"; }

python3 - out.json <<'PY' || fail "the JSON does not have the expected shape"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["quick"] is True and doc["build"] in ("debug", "release") and doc["io_watch"] is True, doc
names = [w["name"] for w in doc["workloads"]]
want = ["iocp-server", "filecopy", "apc-storm", "wfmo-64", "scale", "vm", "render", "compare-step", "startup", "soak"]
assert names == want, names
fields = {"simulated_requests": int, "kernel_events": int, "vm_statements": int, "virtual_time_us": int,
          "wall_time_s": (int, float), "cpu_time_s": (int, float), "events_per_s": (int, float), "statements_per_s": (int, float),
          "requests_per_second": (int, float), "peak_rss_bytes": int}
for w in doc["workloads"]:
    for key, kind in fields.items():
        assert isinstance(w.get(key), kind), (w["name"], key, w.get(key))
    assert w["ok"] is True, w
    assert w["peak_rss_bytes"] > 0, w
by = {w["name"]: w for w in doc["workloads"]}
for name in ("iocp-server", "filecopy", "apc-storm", "wfmo-64"):
    w = by[name]
    assert w["simulated_requests"] > 0 and w["kernel_events"] > 0 and w["vm_statements"] > 0, w
    assert w["virtual_time_us"] > 0 and w["requests_per_second"] > 0, w
assert by["iocp-server"]["simulated_requests"] == 2000, by["iocp-server"]
assert by["vm"]["vm_statements"] > 200000 and by["vm"]["statements_per_s"] > 0, by["vm"]
assert by["scale"]["simulated_requests"] == by["scale"]["requests_outstanding"], by["scale"]
assert by["scale"]["ms_per_step"] > 0 and by["scale"]["max_ms_per_step"] >= by["scale"]["ms_per_step"], by["scale"]
assert by["render"]["ms_per_frame"] > 0, by["render"]
for key in ("version_ms", "first_frame_home_ms", "first_frame_compare_ms"):
    assert by["startup"][key] > 0, (key, by["startup"])
assert by["soak"]["kernel_events"] >= 300000 and by["soak"]["peak_rss_last_bytes"] > 0, by["soak"]
PY

"$bin" bench --quick --workload vm >table.txt || fail "'bench --quick --workload vm' failed"
grep -q '^vm ' table.txt || fail "the table has no vm row"
"$bin" bench --workload nope >/dev/null 2>&1 && fail "an unknown workload must be rejected"

# Without watching pending I/O the same workload runs the same requests; the report says how it ran.
"$bin" bench --quick --without-io-watch --workload iocp-server --json >off.json || fail "'--without-io-watch' failed"
python3 - out.json off.json <<'PY' || fail "--without-io-watch must run the same workload and say so"
import json, sys
on, off = (json.load(open(p)) for p in sys.argv[1:3])
assert off["io_watch"] is False, off
w_on = next(w for w in on["workloads"] if w["name"] == "iocp-server")
w_off = off["workloads"][0]
assert w_off["name"] == "iocp-server" and w_off["ok"] is True, w_off
for key in ("simulated_requests", "kernel_events", "vm_statements", "virtual_time_us"):
    assert w_off[key] == w_on[key], (key, w_on[key], w_off[key])
PY
"$bin" bench --quick --without-io-watch --workload vm | grep -q -- '--without-io-watch' || fail "the table must say it ran without the watch"

echo "e2e-bench: ok (${elapsed}s for --quick --json)"
