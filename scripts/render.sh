#!/usr/bin/env bash
# Renders XLSX files the way a reviewer prints them, to look at the layout:
#   scripts/render.sh [-o DIR] [-r DPI] file.xlsx [more.xlsx …]
# LibreOffice (headless) converts each workbook to PDF, pdftoppm turns the pages into PNGs
# (printed, one path a line), and pdfinfo/pdftotext check that the form sheet prints one page
# wide: page 1 is A4 portrait and holds both the first (三级指标) and the last (未完成原因分析)
# columns of the indicator table. Exits non-zero when a check fails.
#
# Installs what is missing (Debian): libreoffice-calc-nogui, fonts-noto-cjk, fonts-crosextra-carlito,
# poppler-utils, and a per-user fontconfig alias so that 宋体 renders with a Song (serif) face and
# 黑体 with a Hei face.
# LibreOffice does not recalculate on load: what you see are the cached formula values.
set -euo pipefail

out=""
dpi=80
while getopts "o:r:" opt; do
  case "$opt" in
    o) out="$OPTARG" ;;
    r) dpi="$OPTARG" ;;
    *) echo "usage: $0 [-o DIR] [-r DPI] file.xlsx…" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: $0 [-o DIR] [-r DPI] file.xlsx…" >&2; exit 2; }

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
# Carlito is metric-compatible with Calibri, the workbook default font that column widths are
# measured in; without it LibreOffice falls back to a wider face and every column grows ~30%.
fc-list 2>/dev/null | grep -i "Carlito" >/dev/null || need+=(fonts-crosextra-carlito)
if [ ${#need[@]} -gt 0 ]; then
  echo "render: installing ${need[*]} (the first time takes a minute)" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

alias_dir="${XDG_CONFIG_HOME:-$HOME/.config}/fontconfig/conf.d"
alias_file="$alias_dir/60-selfeval-cjk.conf"
if [ ! -f "$alias_file" ]; then
  mkdir -p "$alias_dir"
  cat > "$alias_file" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
XML
  fc-cache -f >/dev/null 2>&1 || true
fi

profile="${TMPDIR:-/tmp}/selfeval-lo-profile"
status=0
for xlsx in "$@"; do
  [ -f "$xlsx" ] || { echo "render: no such file: $xlsx" >&2; status=1; continue; }
  dir="${out:-$(dirname "$xlsx")}"
  mkdir -p "$dir"
  base="$(basename "${xlsx%.*}")"
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$dir" "$xlsx" >/dev/null 2>&1
  pdf="$dir/$base.pdf"
  [ -f "$pdf" ] || { echo "render: LibreOffice made no PDF for $xlsx" >&2; status=1; continue; }
  rm -f "$dir/$base"-*.png
  pdftoppm -png -r "$dpi" "$pdf" "$dir/$base"
  ls "$dir/$base"-*.png

  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo -f 1 -l 1 "$pdf" | awk '/^Page +1 size:/ {print $4" x "$6}')
  page1=$(pdftotext -f 1 -l 1 -layout "$pdf" - 2>/dev/null || true)
  echo "render: $pdf: $pages page(s), page 1 is $size pt" >&2
  case "$size" in
    595*" x 841"*|595*" x 842"*) ;;
    *) echo "render: FAIL: page 1 of $pdf is not A4 portrait ($size)" >&2; status=1 ;;
  esac
  if grep -q "三级指标" <<<"$page1"; then
    if ! grep -q "未完成原因分析\|偏差原因分析" <<<"$page1"; then
      echo "render: FAIL: $pdf page 1 lacks the last column: the form is not one page wide" >&2
      status=1
    fi
  fi
done
exit $status
