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

source bench/timing.sh

result=$("$bin" run "$script")
[[ $result =~ ^placed\ [0-9]+\ unplaced\ 0$ ]] || { echo "unexpected result: $result" >&2; exit 1; }
printf '%-22s %10s\n' placement "$script, first-fit: $result"
report_step place "$script" "$setup"
