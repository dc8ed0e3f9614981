#!/usr/bin/env bash
# Issue 5's placement benchmark: bench/placement.vlab creates 20,000 hosts and
# 40,000 VMs with loops and places them first-fit. Prints the whole run's wall
# time (median of 3), `place` alone (the whole run minus the same script without
# its `place` line, both medians), and the whole run's peak resident memory.
# bench/placement-10x.vlab is the same at 200,000 hosts and 400,000 VMs (issue 16).
# Usage: bench/placement.sh BIN [SCRIPT]   (BIN: a release build of virtlab; SCRIPT: bench/placement.vlab)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: bench/placement.sh BIN [SCRIPT]}
runs=3
script=${2:-bench/placement.vlab}
setup=$(mktemp /tmp/virtlab-placement-setup.XXXXXX)
trap 'rm -f "$setup"' EXIT
# The same population without the placement (and the line that prints its result).
grep -v -e '^let r = \[place' -e '^print placed' "$script" > "$setup"

# Median wall time in milliseconds of `$bin run FILE`, $runs runs.
median_ms() {
  local times=()
  for _ in $(seq $runs); do
    local start end
    start=$(date +%s%N)
    "$bin" run "$1" > /dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

result=$("$bin" run "$script")
[[ $result =~ ^placed\ [0-9]+\ unplaced\ 0$ ]] || { echo "unexpected result: $result" >&2; exit 1; }
whole=$(median_ms "$script")
without=$(median_ms "$setup")
# One more run for its peak memory and CPU time (user + system: on a loaded machine
# the wall times above include waiting for a core).
read -r peak_kb cpu_s < <( { /usr/bin/time -f '%M %U %S' "$bin" run "$script" > /dev/null; } 2>&1 | tail -1 | awk '{ print $1, $2 + $3 }')
printf '%-22s %10s\n' placement "$script, first-fit: $result"
printf '%-22s %10s ms\n' "whole run" "$whole" "without place" "$without" "place alone" "$(( whole - without ))"
printf '%-22s %10s MB\n' "peak memory" "$(( peak_kb / 1024 ))"
printf '%-22s %10s s\n' "whole run, CPU" "$cpu_s"
