#!/bin/sh
# Records what real Elixir (1.14) prints for the cases of tests/io_read.rs:
# for NAME.exs, `elixir NAME.exs < NAME.in` (stdout to NAME.out, exit status
# to NAME.status); for NAME.iex, `iex < NAME.iex` (stdout to NAME.iex.out).
#
#   sh tests/io_read/record.sh          # every case
#   sh tests/io_read/record.sh greet    # only these
set -u
cd "$(dirname "$0")"
if ! command -v elixir >/dev/null 2>&1; then
  echo "record.sh: elixir is not installed; cannot record" >&2
  exit 2
fi
if [ $# -eq 0 ]; then
  set -- $(ls *.exs *.iex | sed 's/\.[a-z]*$//' | sort -u)
fi
for name in "$@"; do
  if [ -f "$name.exs" ]; then
    elixir "$name.exs" < "$name.in" > "$name.out" 2>/dev/null
    echo $? > "$name.status"
    echo "recorded $name.exs (status $(cat "$name.status"))"
  fi
  if [ -f "$name.iex" ]; then
    HOME=/nonexistent iex < "$name.iex" > "$name.iex.out" 2>/dev/null
    echo "recorded $name.iex"
  fi
done
