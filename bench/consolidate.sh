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

source bench/timing.sh

result=$("$bin" run "$dir/consolidate.vlab")
printf '%-22s %10s\n' consolidate "$hosts hosts, $(( 2 * hosts )) VMs: $result"
report_step consolidate "$dir/consolidate.vlab" "$dir/setup.vlab"
