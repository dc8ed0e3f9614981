#!/usr/bin/env bash
# Issue 10's parse-memory benchmark: the peak resident memory of `virtlab check`
# on a script of 1,000,000 lines of `print 1`, and of the same number of comment
# lines (the process, the source text and its line index without any syntax
# tree). The difference over the line count is the syntax tree's cost per statement.
# Usage: bench/parse-memory.sh BIN   (BIN: a build of virtlab)
set -euo pipefail
bin=${1:?usage: bench/parse-memory.sh BIN}
lines=1000000
dir=$(mktemp -d /tmp/virtlab-parse-memory.XXXXXX)
trap 'rm -rf "$dir"' EXIT
awk -v n=$lines 'BEGIN { for (i = 0; i < n; i++) print "print 1" }' > "$dir/statements.vlab"
awk -v n=$lines 'BEGIN { for (i = 0; i < n; i++) print "#rint 1" }' > "$dir/comments.vlab"

# Peak resident set size in KiB of `$bin check FILE`.
peak_kib() { /usr/bin/time -f %M "$bin" check "$1" 2>&1 >/dev/null | tail -n 1; }

statements=$(peak_kib "$dir/statements.vlab")
comments=$(peak_kib "$dir/comments.vlab")
echo "check, $lines statements: $((statements / 1024)) MiB peak"
echo "check, $lines comments:   $((comments / 1024)) MiB peak"
echo "per statement: $(( (statements - comments) * 1024 / lines )) bytes"
