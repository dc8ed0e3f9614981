#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image, with the
# autograder zip unpacked in /autograder/source. It installs the prebuilt
# virtlab (source/bin/virtlab, built with
# `swift build -c release --static-swift-stdlib`) as /autograder/bin/virtlab
# and the one library it needs from the system, libedit.
# AUTOGRADER_ROOT moves /autograder elsewhere (the project's tests use it).
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
if [ ! -x "$ROOT/source/bin/virtlab" ]; then
  echo "setup.sh: no source/bin/virtlab in the autograder zip; see exercises/README.md" >&2
  exit 1
fi
if [ ! -f "$ROOT/source/exercise/exercise.md" ]; then
  echo "setup.sh: no source/exercise/exercise.md in the autograder zip" >&2
  exit 1
fi
# The library list is read whole first: `ldconfig -p | grep -q` under pipefail
# failed whenever grep's early exit cut ldconfig off (SIGPIPE), and then ran apt-get.
libraries=$(ldconfig -p 2>/dev/null || true)
if ! grep -q 'libedit\.so\.2' <<<"$libraries"; then
  apt-get update -qq && apt-get install -y -qq libedit2 >/dev/null
fi
mkdir -p "$ROOT/bin"
install -m 0755 "$ROOT/source/bin/virtlab" "$ROOT/bin/virtlab"
# Refuse to build an image around a broken exercise.
"$ROOT/bin/virtlab" grade --check "$ROOT/source/exercise/exercise.md"
