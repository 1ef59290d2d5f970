#!/bin/sh
# Regenerates the expected outputs in this directory with real Elixir (1.14):
#   sh tests/inspect/record.sh
# floats.txt  <- floats.exs  (Float.to_string / inspect of ~300 floats)
# cases.out   <- cases.exs   (inspect/1, IO.inspect/1 and iex-style output of ~150 terms)
set -e
cd "$(dirname "$0")"
{
  echo "# Recorded from $(elixir --version | tail -1) by record.sh; do not edit."
  elixir floats.exs
} > floats.txt
if [ -f cases.exs ]; then
  elixir cases.exs > cases.out
fi
