#!/usr/bin/env bash
# Looks at the form page as a unit's finance officer sees it on a 1366×768 office screen:
#   scripts/webgrid-shot.sh [OUTDIR]        (default out/webgrid)
# Writes three standalone pages (the form fragment of FormGridHTML.render with its stylesheet) —
# the sample form, a project form and two real forms with many findings, and the sample with notes in six columns right of the table (wide) — through the WebPagesTests
# target (its writePagesForScreenshots test writes them when SELFEVAL_WEBGRID_OUT is set), then
# screenshots each with headless Chromium: NAME.png at 1366×768 (what fits on the screen) and
# NAME-full.png at 1366×4000 (the whole page, for review). Prints the PNG paths.
# Not part of `make test`. Installs chromium and fonts-noto-cjk (Debian) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/webgrid}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  echo "webgrid-shot: installing ${need[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

SELFEVAL_WEBGRID_OUT="$out" swift test --filter "FormGridHTMLTests/writePagesForScreenshots" >/dev/null

for page in sample project real real2 wide; do
  html="$out/$page.html"
  [ -f "$html" ] || { echo "webgrid-shot: $html was not written" >&2; exit 1; }
  for size in 1366,768 1366,4000; do
    png="$out/$page.png"
    [ "$size" = 1366,768 ] || png="$out/$page-full.png"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$png" \
      --window-size="$size" "file://$html" >/dev/null 2>&1
    echo "$png"
  done
done
