#!/usr/bin/env bash
# Fuzzes the CSV reader, the template reader (with scoring), the value parser and the whole
# convert path to a workbook with libFuzzer and AddressSanitizer, for a bounded time each, one
# harness after the other.
#
# usage: scripts/fuzz.sh [csv] [template] [values] [workbook]      (default: all four)
#   FUZZ_SECONDS   seconds per harness (default 600)
#   FUZZ_WORK      work folder: build, corpus, logs, findings (default .build-fuzz, gitignored)
#   FUZZ_ARGS      extra libFuzzer flags (e.g. "-seed=1 -jobs=1")
#
# The seed corpus is copied from Fixtures/ into the work folder; Fixtures/ is never written.
# A finding (crash-*, timeout-*, leak-*, oom-*) is left in FUZZ_WORK/findings/<harness>/ and
# makes the script exit 1; minimise it with `FUZZ_WORK/build/fuzz-<harness> -minimize_crash=1
# -runs=10000 FILE`, then keep it in Fixtures/fuzz-regressions/<harness>/ with a test.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${FUZZ_SECONDS:-600}
work=${FUZZ_WORK:-$root/.build-fuzz}
mkdir -p "$work"
work=$(cd "$work" && pwd)
build=$work/build
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(csv template values workbook)
flags=(-sanitize=fuzzer,address -parse-as-library -O -g)

# 1. Build: CSV and SelfEvaluation as instrumented modules, then one binary per harness.
mkdir -p "$build"
echo "== building in $build" >&2
swiftc "${flags[@]}" -wmo -module-name CSV -emit-module -emit-module-path "$build/CSV.swiftmodule" \
    -c Sources/CSV/*.swift -o "$build/CSV.o"
if [[ " ${harnesses[*]} " =~ \ (template|values|workbook)\  ]]; then
    find Sources/SelfEvaluation -name '*.swift' | sort > "$build/SelfEvaluation.sources"
    swiftc "${flags[@]}" -wmo -module-name SelfEvaluation -I "$build" \
        -emit-module -emit-module-path "$build/SelfEvaluation.swiftmodule" \
        -c $(cat "$build/SelfEvaluation.sources") -o "$build/SelfEvaluation.o"
fi
# The workbook harness also needs the writer (over libxlsxwriter, via the system-library module
# map) and the conversion layer.
xlsx_flags=(-Xcc -fmodule-map-file=Sources/CXLSXWriter/module.modulemap -I Sources/CXLSXWriter)
if [[ " ${harnesses[*]} " =~ \ workbook\  ]]; then
    swiftc "${flags[@]}" "${xlsx_flags[@]}" -wmo -module-name XLSXReport -I "$build" \
        -emit-module -emit-module-path "$build/XLSXReport.swiftmodule" \
        -c $(find Sources/XLSXReport -name '*.swift' | sort) -o "$build/XLSXReport.o"
    swiftc "${flags[@]}" "${xlsx_flags[@]}" -wmo -module-name Conversion -I "$build" \
        -emit-module -emit-module-path "$build/Conversion.swiftmodule" \
        -c $(find Sources/Conversion -name '*.swift' | sort) -o "$build/Conversion.o"
fi
build_harness() {
    local name=$1 file=$2; shift 2
    swiftc "${flags[@]}" -module-name "Fuzz$name" -I "$build" "Fuzz/$file" "$@" -o "$build/fuzz-$name"
}

# 2. Seed corpora, copied from Fixtures (never written there).
seed_forms() {
    local dest=$1
    find Fixtures -maxdepth 3 -type f \( -name '*.csv' -o -name '*.tsv' \) -size -1024k -print0 |
        while IFS= read -r -d '' f; do cp "$f" "$dest/seed-$(echo "$f" | tr '/' '_')"; done
}
seed_cells() {  # every distinct cell of the fixture forms, one file each
    python3 - "$1" Fixtures/*.csv Fixtures/variants/*.csv <<'PY'
import csv, hashlib, io, os, sys
dest, files = sys.argv[1], sys.argv[2:]
seen = set()
for path in files:
    try:
        text = open(path, encoding='utf-8-sig', newline='').read()
    except UnicodeDecodeError:
        text = open(path, encoding='gb18030', newline='').read()
    try:
        rows = list(csv.reader(io.StringIO(text.replace('\r\n', '\n').replace('\r', '\n'))))
    except csv.Error:
        continue
    for row in rows:
        for cell in row:
            if cell and cell not in seen:
                seen.add(cell)
                data = cell.encode('utf-8')
                name = 'cell-' + hashlib.sha1(data).hexdigest()[:16]
                open(os.path.join(dest, name), 'wb').write(data)
PY
}

status=0
summary=()
for h in "${harnesses[@]}"; do
    case $h in
        csv) file=FuzzCSV.swift; objects=("$build/CSV.o") ;;
        template) file=FuzzTemplate.swift; objects=("$build/CSV.o" "$build/SelfEvaluation.o") ;;
        values) file=FuzzValues.swift; objects=("$build/CSV.o" "$build/SelfEvaluation.o") ;;
        workbook) file=FuzzWorkbook.swift
            objects=("${xlsx_flags[@]}" "$build/CSV.o" "$build/SelfEvaluation.o" "$build/XLSXReport.o"
                     "$build/Conversion.o" -lxlsxwriter -lz) ;;
        *) echo "unknown harness: $h (csv, template, values, workbook)" >&2; exit 2 ;;
    esac
    build_harness "$h" "$file" "${objects[@]}"
    corpus=$work/corpus/$h
    findings=$work/findings/$h
    rm -rf "$findings"
    mkdir -p "$corpus" "$findings" "$work/logs"
    if [ "$h" = values ]; then seed_cells "$corpus"; else seed_forms "$corpus"; fi
    # Seeds above 64 KiB slow the workbook harness down without adding coverage.
    [ "$h" = workbook ] && find "$corpus" -type f -size +64k -delete
    if [ -d "Fixtures/fuzz-regressions/$h" ]; then cp Fixtures/fuzz-regressions/$h/* "$corpus/" 2>/dev/null || true; fi
    dict=()
    [ -f "Fuzz/$h.dict" ] && dict=(-dict="Fuzz/$h.dict")
    [ "$h" = workbook ] && dict=(-dict="Fuzz/template.dict")
    log=$work/logs/$h.log
    echo "== fuzz-$h for ${seconds}s (log: $log)" >&2
    set +e
    # shellcheck disable=SC2086
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
    "$build/fuzz-$h" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$findings/" "${dict[@]}" ${FUZZ_ARGS:-} "$corpus" >"$log" 2>&1
    rc=$?
    set -e
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    files=$(find "$corpus" -type f | wc -l)
    found=$(find "$findings" -type f | wc -l)
    line="$h: ${seconds}s, ${execs:-?} executions, corpus $files files, $found findings (exit $rc)"
    summary+=("$line")
    echo "== $line" >&2
    if [ "$rc" -ne 0 ] || [ "$found" -gt 0 ]; then
        status=1
        tail -40 "$log" >&2
    fi
done
echo "== summary" >&2
printf '%s\n' "${summary[@]}"
exit $status
