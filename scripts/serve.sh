#!/usr/bin/env bash
# `make serve`: the intranet page on the sample data. A data folder under out/ (kept between
# runs), one unit "示例单位" with its link, the sample form uploaded to it once; then
# `selfeval serve` until Ctrl-C. PORT (default 8080) and HOST (default 127.0.0.1) may be set;
# the administrator's password is asked at the terminal on first start unless
# SELFEVAL_ADMIN_PASSWORD is set.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${SELFEVAL_BIN:-.build/release/selfeval}
data=${DATA:-out/serve-data}
port=${PORT:-8080}
host=${HOST:-127.0.0.1}
mkdir -p "$data"
if [ ! -s "$data/sample-link.txt" ]; then
  "$bin" unit add 示例单位 --data "$data" > "$data/sample-link.txt"
fi
link=$(cat "$data/sample-link.txt")
"$bin" serve --port "$port" --host "$host" --data "$data" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' INT TERM EXIT
for _ in $(seq 100); do
  curl -fsS "http://$host:$port/health" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || exit 1
  sleep 0.1
done
if [ ! -e "$data/sample-uploaded" ]; then
  curl -fsS -H 'Accept: application/json' -F "file=@Fixtures/qiannan-guangzhou-2023.csv" \
    "http://$host:$port$link/forms" >/dev/null && touch "$data/sample-uploaded"
fi
echo "示例单位的链接: http://$host:$port$link"
echo "管理页面:       http://$host:$port/admin"
wait $server
