#!/usr/bin/env bash
# Benchmark: builds release, generates the corpus, builds the C limit from scripts/peers, and
# runs selfeval, the C limit and the XlsxWriter peer alternately (scripts/bench.py); then
# `selfeval serve` under 100 concurrent uploads (scripts/serve-bench.py).
# usage: scripts/bench.sh [bench.py options]     PEERS=path/to/peers (default: scripts/peers)
#        scripts/bench.sh --only-serve [serve-bench.py options]   (the intranet page's part alone)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--only-serve" ]; then
  shift
  make -s build >/dev/null
  exec python3 scripts/serve-bench.py --bin .build/release/selfeval "$@"
fi
scripts/bootstrap.sh
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
command -v valgrind >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
python3 -c 'import xlsxwriter' 2>/dev/null || pip install -q XlsxWriter
peers=${PEERS:-scripts/peers}
work=$(mktemp -d /tmp/selfeval-bench-XXXXXX)
make -s build >/dev/null
gcc -O2 -Wall -o "$work/limit" "$peers/limit_c/limit.c" -lxlsxwriter -lm
python3 scripts/bench.py --peers "$peers" --work "$work" --limit "$work/limit" "$@"
# The intranet page: upload-to-result under 100 clients at once, beside one `selfeval convert`
# (not with --only-floor or --only-xlsx, which ask for one part alone).
case " $* " in
  *" --only-floor "*|*" --only-xlsx "*) ;;
  *) python3 scripts/serve-bench.py --bin .build/release/selfeval --clients 100 --rounds 3 ;;
esac
echo "work folder: $work (remove when done)" >&2
