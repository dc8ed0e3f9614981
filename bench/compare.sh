#!/usr/bin/env bash
# Two builds of virtlab and tclsh, interleaved in one sitting: each case runs
# old, new, tclsh in turn, 9 rounds, and prints the median CPU time (perf's
# task-clock, so a busy machine's waiting is left out) and the ratios to tclsh.
# Usage: bench/compare.sh OLD_BIN NEW_BIN
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: bench/compare.sh OLD_BIN NEW_BIN}
new=${2:?usage: bench/compare.sh OLD_BIN NEW_BIN}
rounds=9
stat=$(mktemp /tmp/virtlab-compare.XXXXXX)
: > /tmp/virtlab-empty.vlab
sed 's/\[vm info v1\]\.vcpus/1/' bench/dispatch.vlab > /tmp/virtlab-dispatch-bare.vlab
trap 'rm -f "$stat"' EXIT

# CPU milliseconds of one run of "$@".
cpu_ms() {
  perf stat -x, -e task-clock -o "$stat" -- "$@" > /dev/null
  awk -F, '/task-clock/ { printf "%.1f", $1 }' "$stat"
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( (rounds + 1) / 2 ))p"; }

printf '%-10s %9s %9s %9s %9s %9s\n' case old_ms new_ms tclsh_ms old/tcl new/tcl
for case in loop fib empty dispatch; do
  a=() b=() t=()
  for _ in $(seq $rounds); do
    case $case in
      empty) script=/tmp/virtlab-empty.vlab peer=(tclsh /tmp/virtlab-empty.vlab) ;;
      dispatch) script=bench/dispatch.vlab peer=("$new" run /tmp/virtlab-dispatch-bare.vlab) ;;
      *) script=bench/$case.vlab peer=(tclsh bench/$case.tcl) ;;
    esac
    a+=("$(cpu_ms "$old" run "$script")")
    b+=("$(cpu_ms "$new" run "$script")")
    t+=("$(cpu_ms "${peer[@]}")")
  done
  ma=$(median "${a[@]}") mb=$(median "${b[@]}") mt=$(median "${t[@]}")
  printf '%-10s %9s %9s %9s %9s %9s\n' "$case" "$ma" "$mb" "$mt" \
    "$(awk -v x="$ma" -v y="$mt" 'BEGIN { printf "%.2f", x / y }')" "$(awk -v x="$mb" -v y="$mt" 'BEGIN { printf "%.2f", x / y }')"
done
echo "(dispatch's third column is the new build's bare loop: the same loop without 'vm info')"
