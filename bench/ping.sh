#!/usr/bin/env bash
# Issue 12's network benchmark: bench/ping.vlab builds an 8-rack two-tier topology
# (spine, 8 top-of-rack switches, 32 hosts with a vSwitch each, 128 VMs in VLANs 10
# and 20, trunks everywhere) and sends 100,000 pings between VMs in different racks
# (VM, vSwitch, top-of-rack, spine, top-of-rack, vSwitch, VM). Prints the whole
# process's wall time (median of 3) and its peak resident memory. Target: < 3 s.
# With bench/ping-overlay.vlab (issue 13): the same pings with the VMs on VXLAN
# overlays. Target: < 4 s.
# Usage: bench/ping.sh BIN [SCRIPT]   (BIN: a release build of virtlab; SCRIPT: bench/ping.vlab)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: bench/ping.sh BIN [SCRIPT]}
script=${2:-bench/ping.vlab}
runs=3
result=$("$bin" run "$script")
[[ $result == "reachable 100000 of 100000" ]] || { echo "unexpected result: $result" >&2; exit 1; }
times=()
for _ in $(seq $runs); do
  start=$(date +%s%N)
  "$bin" run "$script" > /dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
peak_kb=$( { /usr/bin/time -f %M "$bin" run "$script" > /dev/null; } 2>&1 | tail -1)
printf '%-14s %s\n' ping "100000 pings, 8 racks x 4 hosts x 4 VMs, two tiers"
printf '%-14s %s ms (median of %d: %s)\n' "whole run" "$median" "$runs" "${times[*]}"
printf '%-14s %s MB\n' "peak memory" "$(( peak_kb / 1024 ))"
