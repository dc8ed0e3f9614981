#!/usr/bin/env bash
# Issue 11's storage benchmark. Builds release binaries, then:
#  1. RAID-6 P+Q generation over 64 MiB of 4 KiB data chunks (a 6-disk RAID 6: 4 data
#     chunks a stripe), as throughput and as a ratio to a plain memory copy of the same
#     bytes in the same run (the physical limit); best of 3. Target: >= 1 GB/s.
#  2. The same 64 MiB written through a volume (read-modify-write per block), then a full
#     rebuild of a failed, replaced disk of that 6-disk RAID 6 (real time, best of 3).
#  3. Peak resident memory of `virtlab run bench/raid-memory.vlab`: 100 disks of 10 TB,
#     10,000 blocks written through volumes. Target: < 100 MB.
# Usage: bench/raid.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product RaidBench > /dev/null
swift build -c release --product virtlab > /dev/null
bin=$(swift build -c release --show-bin-path)
"$bin/RaidBench"
result=$("$bin/virtlab" run bench/raid-memory.vlab)
echo "$result"
peak_kb=$( { /usr/bin/time -f %M "$bin/virtlab" run bench/raid-memory.vlab > /dev/null; } 2>&1 | tail -1)
printf '%-24s %7s MB\n' "peak memory" "$(( peak_kb / 1024 ))"
