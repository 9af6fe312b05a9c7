#!/usr/bin/env bash
# Compares every output of two selfeval binaries on the same forms: a `--jobs 1` batch to xlsx,
# csv and json (each workbook's XML parts unzipped, docProps/core.xml's dates dropped; the
# CSVs, report.json, 汇总表.xlsx) and `check` of the folder (stdout and stderr).
# usage: scripts/same-outputs.sh OLD_SELFEVAL NEW_SELFEVAL FOLDER_OF_FORMS
# Exit 0 when every output is the same byte for byte, 1 with the first differences listed.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 OLD_SELFEVAL NEW_SELFEVAL FOLDER_OF_FORMS" >&2; exit 2; }
old=$1 new=$2 forms=$3
work=$(mktemp -d /tmp/selfeval-same-XXXXXX)
trap 'rm -rf "$work"' EXIT
for side in old new; do
    bin=${!side}
    out="$work/$side/batch"
    "$bin" batch "$forms" -o "$out" --jobs 1 --to xlsx,csv,json >/dev/null 2>"$work/$side.batch.err" || true
    "$bin" check "$forms" >"$work/$side/check.out" 2>"$work/$side/check.err" || true
    # Each workbook as its XML parts, the creation dates left out.
    find "$out" -name '*.xlsx' -print0 | while IFS= read -r -d '' x; do
        d="$x.parts"; mkdir -p "$d"; unzip -q -o "$x" -d "$d"; rm "$x"
        [ -f "$d/docProps/core.xml" ] && sed -i -E 's#<dcterms:(created|modified)[^<]*</dcterms:(created|modified)>##g' "$d/docProps/core.xml"
    done
    sed -i -E "s#$work/$side#OUT#g" "$work/$side/check.out" "$work/$side/check.err" 2>/dev/null || true
    find "$out" -name report.json -exec sed -i -E "s#$work/$side#OUT#g" {} +
done
if diff -r "$work/old" "$work/new" >"$work/diff" 2>&1; then
    echo "same: $(find "$work/new/batch" -type f | wc -l) files, check output identical"
else
    head -40 "$work/diff"; exit 1
fi
