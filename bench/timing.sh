# Sourced by bench/placement.sh and bench/consolidate.sh: times `$bin run` on a
# script with and without its last step (medians of $runs runs).

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

# Prints the whole run, the run without the step and the step alone (medians), then
# one more whole run's peak memory and CPU time (user + system: on a loaded machine
# the wall times include waiting for a core).
# Usage: report_step STEP FULL_SCRIPT SCRIPT_WITHOUT_STEP
report_step() {
  local step=$1 full=$2 setup=$3 whole without peak_kb cpu_s
  whole=$(median_ms "$full")
  without=$(median_ms "$setup")
  read -r peak_kb cpu_s < <( { /usr/bin/time -f '%M %U %S' "$bin" run "$full" > /dev/null; } 2>&1 | tail -1 | awk '{ print $1, $2 + $3 }')
  printf '%-22s %10s ms\n' "whole run" "$whole" "without $step" "$without" "$step alone" "$(( whole - without ))"
  printf '%-22s %10s MB\n' "peak memory" "$(( peak_kb / 1024 ))"
  printf '%-22s %10s s\n' "whole run, CPU" "$cpu_s"
}
