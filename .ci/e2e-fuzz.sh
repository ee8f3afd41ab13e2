#!/usr/bin/env bash
# Smoke run of the seeded mutation fuzzer (`overlapped fuzz`): a few hundred
# mutated programs and lessons, at most 100 s. A crash leaves its input in
# the work folder's fuzz-out/current.c (or .md), which is printed.
set -euo pipefail
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
fixtures="$(cd "$(dirname "$0")/.." && pwd)/Tests/Win32CTests/Fixtures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
if ! "$bin" fuzz --seed 1 --iterations 400 --seconds 100 --corpus "$fixtures" --out fuzz-out >out.txt 2>err.txt; then
  cat out.txt err.txt >&2
  for f in fuzz-out/current.*; do echo "e2e-fuzz: last input $f:" >&2; head -c 4000 "$f" >&2; done
  echo "e2e-fuzz: the fuzzer crashed" >&2
  exit 1
fi
cat out.txt
