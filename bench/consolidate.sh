#!/usr/bin/env bash
# Issue 16's consolidation benchmark: a script creates HOSTS hosts (16 cpus, 64 GB,
# hardware hypervisor) and twice as many VMs (1-4 vcpus, 2-16 GB), assigned two a
# host round-robin, every other one running, then runs `consolidate`. Prints the whole
# run's wall time (median of 3), `consolidate` alone (the whole run minus the same
# script without it, both medians), the moves and hosts powered off, and the whole
# run's peak resident memory. Target (20,000 hosts): consolidate under 2 s, under 1 GB.
# Usage: bench/consolidate.sh BIN [HOSTS]   (BIN: a release build of virtlab; HOSTS: 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: bench/consolidate.sh BIN [HOSTS]}
hosts=${2:-20000}
runs=3
dir=$(mktemp -d /tmp/virtlab-consolidate.XXXXXX)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/setup.vlab" <<VLAB
for i in 1..$hosts {
  host add h\$i cpus=16 mem=64G
  hypervisor install h\$i kind=hardware
}
for i in 1..$(( 2 * hosts )) {
  let h = 1 + \$i % $hosts
  vm create v\$i vcpus=(1 + \$i % 4) mem=((\$i % 8 + 1) * 2G) os=linux host=h\$h
  if \$i % 2 == 0 { vm start v\$i }
}
VLAB
{ cat "$dir/setup.vlab"; echo 'let r = [consolidate]'; echo 'print moved [len $r.moves] powered off [len $r.powered_off]'; } > "$dir/consolidate.vlab"

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

result=$("$bin" run "$dir/consolidate.vlab")
whole=$(median_ms "$dir/consolidate.vlab")
without=$(median_ms "$dir/setup.vlab")
# One more run for its peak memory and CPU time (user + system: on a loaded machine
# the wall times above include waiting for a core).
read -r peak_kb cpu_s < <( { /usr/bin/time -f '%M %U %S' "$bin" run "$dir/consolidate.vlab" > /dev/null; } 2>&1 | tail -1 | awk '{ print $1, $2 + $3 }')
printf '%-22s %10s\n' consolidate "$hosts hosts, $(( 2 * hosts )) VMs: $result"
printf '%-22s %10s ms\n' "whole run" "$whole" "without consolidate" "$without" "consolidate alone" "$(( whole - without ))"
printf '%-22s %10s MB\n' "peak memory" "$(( peak_kb / 1024 ))"
printf '%-22s %10s s\n' "whole run, CPU" "$cpu_s"
