#!/bin/sh
# Records the expected results of the conformance cases by running real
# Elixir (1.14) on them, from this directory, exactly as the test runs iexr.
#
#   sh tests/conformance/record.sh                  # every case
#   sh tests/conformance/record.sh match_tuples ... # only these (with or without .exs)
#
# For each NAME.exs it rewrites NAME.out (stdout) and NAME.status (exit
# status), and NAME.err (stderr, kept for reference; the test compares it only
# when CONFORMANCE_STDERR=1) when stderr is not empty.
set -u
cd "$(dirname "$0")"
if ! command -v elixir >/dev/null 2>&1; then
  echo "record.sh: elixir is not installed; cannot record" >&2
  exit 2
fi
if [ $# -eq 0 ]; then
  set -- *.exs
fi
for arg in "$@"; do
  name=$(basename "${arg%.exs}")
  if [ ! -f "$name.exs" ]; then
    echo "record.sh: no such case: $name" >&2
    exit 2
  fi
  elixir "$name.exs" > "$name.out" 2> "$name.err" < /dev/null
  echo $? > "$name.status"
  if [ ! -s "$name.err" ]; then
    rm -f "$name.err"
  fi
  echo "recorded $name (status $(cat "$name.status"))"
done
