#!/bin/sh
# Times each benchmark script in benches/exs/ under real Elixir (the BEAM) and
# under iexr, and prints a table. Each whole run is timed, start-up included.
#
#   scripts/bench_vs_beam.sh                 # every benches/exs/*.exs
#   scripts/bench_vs_beam.sh messages calls  # only these
#
# ratio = elixir ms / iexr ms: above 1 means iexr was faster.
# The "work" columns subtract each engine's start-up (the time of an empty
# script, measured once) so the ratio compares the work itself:
# work ratio = elixir work ms / iexr work ms.
# The two engines must print the same stdout; a difference is flagged.
# The exit status is 1 when a run failed or the outputs differed.
# Without `elixir` installed, only iexr's times are shown.
set -u
cd "$(dirname "$0")/.."

echo "building iexr (release)..." >&2
cargo build --release --quiet || exit 1
IEXR=target/release/iexr

have_elixir=1
if ! command -v elixir >/dev/null 2>&1; then
  have_elixir=0
  echo "elixir is not installed: showing iexr times only" >&2
fi

if [ $# -eq 0 ]; then
  set -- benches/exs/*.exs
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now_ns() { date +%s%N; }

# run_timed OUTFILE CMD...: runs CMD with stdout to OUTFILE; prints elapsed ms
# (or "fail" when the exit status is not 0).
run_timed() {
  out=$1
  shift
  start=$(now_ns)
  "$@" > "$out" 2> "$out.err" < /dev/null
  status=$?
  end=$(now_ns)
  if [ $status -ne 0 ]; then
    echo fail
  else
    echo $(( (end - start) / 1000000 ))
  fi
}

# Start-up of each engine: the best of three runs of an empty script.
empty=$tmp/empty.exs
: > "$empty"
best_of3() {
  best=""
  for _ in 1 2 3; do
    t=$(run_timed "$tmp/empty.out" "$@")
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  echo "$best"
}
ebase=0
if [ $have_elixir -eq 1 ]; then ebase=$(best_of3 elixir "$empty"); fi
ibase=$(best_of3 "$IEXR" run "$empty")
echo "start-up: elixir ${ebase} ms, iexr ${ibase} ms" >&2

printf '%-12s %10s %10s %8s %12s %10s %10s  %s\n' name "elixir ms" "iexr ms" ratio "elixir work" "iexr work" "work ratio" note
differ=0
for arg in "$@"; do
  name=$(basename "${arg%.exs}")
  file=benches/exs/$name.exs
  if [ ! -f "$file" ]; then
    printf '%-12s no such benchmark: %s\n' "$name" "$file"
    continue
  fi
  note=""
  ems="-"
  if [ $have_elixir -eq 1 ]; then
    ems=$(run_timed "$tmp/$name.elixir" elixir "$file")
  fi
  ims=$(run_timed "$tmp/$name.iexr" "$IEXR" run "$file")
  ratio="-"
  if [ "$ems" != "-" ] && [ "$ems" != fail ] && [ "$ims" != fail ] && [ "$ims" -gt 0 ]; then
    ratio=$(awk -v e="$ems" -v i="$ims" 'BEGIN { printf "%.2f", e / i }')
  fi
  if [ "$ims" = fail ]; then
    note="iexr failed: $(grep -m 1 . "$tmp/$name.iexr.err")"
    differ=1
  elif [ "$ems" = fail ]; then
    note="elixir failed: $(grep -m 1 . "$tmp/$name.elixir.err")"
    differ=1
  elif [ $have_elixir -eq 1 ] && ! cmp -s "$tmp/$name.elixir" "$tmp/$name.iexr"; then
    note="OUTPUT DIFFERS"
    differ=1
  fi
  ew="-"
  iw="-"
  wratio="-"
  if [ "$ims" != fail ]; then iw=$(( ims > ibase ? ims - ibase : 1 )); fi
  if [ "$ems" != "-" ] && [ "$ems" != fail ]; then
    ew=$(( ems > ebase ? ems - ebase : 1 ))
    if [ "$iw" != "-" ]; then wratio=$(awk -v e="$ew" -v i="$iw" 'BEGIN { printf "%.2f", e / i }'); fi
  fi
  printf '%-12s %10s %10s %8s %12s %10s %10s  %s\n' "$name" "$ems" "$ims" "$ratio" "$ew" "$iw" "$wratio" "$note"
  if [ "$note" = "OUTPUT DIFFERS" ]; then
    diff "$tmp/$name.elixir" "$tmp/$name.iexr" | head -n 10 | sed 's/^/    /'
  fi
done
exit $differ
