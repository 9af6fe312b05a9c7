#!/usr/bin/env bash
# Render samples: writes the workbooks a reviewer looks at with the release binary and renders
# them with scripts/render.sh (PDF, PNG, one-page-wide check):
#   the reference form, the same form with long texts (goals beyond 409 pt, a long name, a
#   multi-line reason, a long cell right of the table), with 30 indicators, the three project
#   forms, and the blank template.
# usage: scripts/render-samples.sh [OUTDIR]        (default out/render)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/render}
make -s build >/dev/null
bin=.build/release/selfeval
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - Fixtures/qiannan-guangzhou-2023.csv "$work" <<'PY'
import csv, io, sys
source, work = sys.argv[1], sys.argv[2]
with open(source, encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f))
def setting(rows, row, column, text):
    rows = [list(r) for r in rows]
    while len(rows) < row: rows.append([])
    while len(rows[row - 1]) < column: rows[row - 1].append('')
    rows[row - 1][column - 1] = text
    return rows
goals = rows[10][1]
long = setting(rows, 11, 2, goals + '\n' + goals)
long = setting(long, 13, 4, '组织珠三角企业赴黔南考察并签约落地项目,' * 6)
long = setting(long, 14, 9, '第一行原因:信息报送数量不足。\n第二行:调研报告未按期完成,拟于次年一季度补报。\n第三行:加强统筹。')
long = setting(long, 20, 10, '表外备注文字' * 12)
many = [list(r) for r in rows]
for index in range(14):
    row = list(rows[13])
    row[3] = row[3] + str(index + 2)
    many.insert(14, row)
for name, grid in [('long-texts', long), ('30-indicators', many)]:
    with open('%s/%s.csv' % (work, name), 'w', encoding='utf-8-sig', newline='') as f:
        csv.writer(f).writerows(grid)
PY
files=()
for csv in Fixtures/qiannan-guangzhou-2023.csv "$work/long-texts.csv" "$work/30-indicators.csv" Fixtures/project/*.csv; do
  name=$(basename "${csv%.csv}")
  case "$csv" in Fixtures/project/*) name="project-$name" ;; esac
  SOURCE_DATE_EPOCH=1700000000 "$bin" convert "$csv" -o "$out/$name.xlsx" >/dev/null 2>&1 || true
  [ -f "$out/$name.xlsx" ] && files+=("$out/$name.xlsx")
done
"$bin" template -o "$out/blank.xlsx" >/dev/null && files+=("$out/blank.xlsx")
scripts/render.sh -o "$out" "${files[@]}"
