#!/usr/bin/env bash
# Issue 14's grading benchmark: 300 submissions of bench/grade/exercise.md (ten
# checks) graded as a class, as one whole process. The class mixes what a real
# one holds: correct scripts written in several ways, partial ones, scripts that
# stop on an error, a syntax error, and three endless loops (1 %) that run into
# the 10,000,000-step budget, which alone cost about a second each. Prints the median wall time of 3 runs, the peak memory
# and the class's score spread. Target: under 10 s on the 2-core machine.
# Usage: bench/grade.sh [BIN]   (default: builds and uses a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -ge 1 ]]; then bin=$1; else
  swift build -c release --product virtlab >/dev/null
  bin=.build/release/virtlab
fi
class=$(mktemp -d /tmp/virtlab-grade-bench.XXXXXX)
trap 'rm -rf "$class"' EXIT

correct='place all policy=ffd
for v in [vm list] { vm start $v.name }
host power pm4 off
advance 24h'
by_hand='for v in [list batch db1] { vm set $v host=pm1 }
for v in [list db2 cache web1] { vm set $v host=pm2 }
for v in [list web2 web3 web4] { vm set $v host=pm3 }
let names = [list db1 db2 web1 web2 web3 web4 cache batch]
for n in $names { vm start $n }
host power pm4 off
advance 12h
advance 12h'
partial='place all
for v in [vm list] { vm start $v.name }
advance 24h'
stops='place all policy=ffd
vm start db1
vm strat db2'
syntax='place all policy=ffd
let x = (1 +'
loop='place all policy=ffd
let i = 0
while true { let i = $i + 1 }'

for n in $(seq -w 1 300); do
  if (( 10#$n % 100 == 0 )); then printf '%s\n' "$loop" > "$class/student$n.vlab"; continue; fi
  case $(( 10#$n % 20 )) in
    0|1|2|3) text=$partial ;;
    4|5) text=$stops ;;
    6) text=$syntax ;;
    7|8|9|10|11) text=$by_hand ;;
    *) text=$correct ;;
  esac
  printf '%s\n' "$text" > "$class/student$n.vlab"
done

runs=3 times=()
for _ in $(seq $runs); do
  start=$(date +%s%N)
  "$bin" grade bench/grade/exercise.md "$class" --format csv --output "$class.csv"
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
peak_kb=$( { /usr/bin/time -f %M "$bin" grade bench/grade/exercise.md "$class" --format csv > /dev/null; } 2>&1 | tail -1)
rows=$(( $(wc -l < "$class.csv") - 1 ))
[[ $rows == 300 ]] || { echo "expected 300 rows, got $rows" >&2; exit 1; }
printf '%-24s %s\n' "class" "300 submissions, 10 checks, $(nproc) cores"
printf '%-24s %s ms (runs: %s)\n' "whole process, median" "$median" "${times[*]}"
printf '%-24s %s MB\n' "peak memory" "$(( peak_kb / 1024 ))"
printf '%-24s %s\n' "scores (count score)" "$(cut -d, -f12 "$class.csv" | tail -n +2 | sort -n | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')"
rm -f "$class.csv"
