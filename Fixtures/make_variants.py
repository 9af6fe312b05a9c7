#!/usr/bin/env python3
"""Derives the reader-variant and malformed fixtures from the canonical export.

usage: python3 Fixtures/make_variants.py   (from the repository root; rewrites the files)

Every variant must read into the same form as Fixtures/qiannan-guangzhou-2023.csv.
"""
import csv
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, 'qiannan-guangzhou-2023.csv')


def load():
    with open(SRC, encoding='utf-8-sig', newline='') as f:
        return list(csv.reader(f))


def dump(rows, name, sep=',', eol='\r\n', bom=True, enc='utf-8', folder='variants'):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator=eol, quoting=csv.QUOTE_MINIMAL)
    w.writerows(rows)
    data = buf.getvalue().encode(enc)
    if bom and enc == 'utf-8':
        data = b'\xef\xbb\xbf' + data
    with open(os.path.join(HERE, folder, name), 'wb') as f:
        f.write(data)


rows = load()
dump(rows, 'lf.csv', eol='\n')
dump(rows, 'cr.csv', eol='\r')
dump(rows, 'no-bom.csv', bom=False)
dump([r[:max([i + 1 for i, c in enumerate(r) if c] or [0])] for r in rows], 'trimmed-columns.csv')
dump([r + [''] for r in rows], 'extra-column.csv')
blank = rows[:5] + [[]] + rows[5:13] + [[''] * 9] + rows[13:]
dump(blank, 'blank-rows.csv')
dump(rows, 'tab-separated.tsv', sep='\t', bom=False)
multi = [list(r) for r in rows]
goals = multi[10][1]
multi[10][1] = goals.replace(';2.', ';\r\n2.').replace(';3.', ';\n3.')
dump(multi, 'multiline-goals.csv')
fw = [list(r) for r in rows]
fw[11] = ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值（A）', '实际完成值 (B)', '分值', '得分', '未完成原因分析']
fw[5][2] = '年度资金总额：'
dump(fw, 'full-width-labels.csv')
dump(rows, 'gb18030-lf.csv', eol='\n', bom=False, enc='gb18030')

# Malformed inputs, each with its expected diagnostic in Fixtures/malformed/EXPECTED.tsv.
text = open(SRC, encoding='utf-8-sig', newline='').read()
with open(os.path.join(HERE, 'malformed', 'unterminated-quote.csv'), 'wb') as f:
    f.write(text.replace('"注:1.', '"注:1.', 1).rsplit('"', 1)[0].encode('utf-8'))
with open(os.path.join(HERE, 'malformed', 'binary.csv'), 'wb') as f:
    f.write(b'PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xfe\x80\x81binary')
with open(os.path.join(HERE, 'malformed', 'invalid-bytes.csv'), 'wb') as f:
    f.write(text.encode('utf-8').replace('组织珠三角'.encode('utf-8'), b'\xff\xfe\xfd', 1))
with open(os.path.join(HERE, 'malformed', 'empty.csv'), 'wb') as f:
    f.write(b'')
with open(os.path.join(HERE, 'malformed', 'nul-byte.csv'), 'wb') as f:
    f.write(text.encode('utf-8').replace('39家'.encode('utf-8'), b'39\x00', 1))
dump([['name', 'amount'], ['a', '1'], ['b', '2']], 'not-a-form.csv', folder='malformed')
dump([r for i, r in enumerate(rows) if i != 11], 'no-indicator-header.csv', folder='malformed')
cut = [list(r) for r in rows]
cut[11] = ['绩效指标', '一级指标', '二级指标', '三级指标', '', '实际完成值(B)', '分值', '得分', '未完成原因分析']
dump(cut, 'header-without-target.csv', folder='malformed')
with open(os.path.join(HERE, 'malformed', 'truncated.csv'), 'wb') as f:
    f.write(text.encode('utf-8')[:2000])

# Hostile inputs (Fixtures/malformed/EXPECTED.tsv lists each file's diagnostic and exit status).
def changed(edits, name, **kw):
    """The reference rows with {(row, column): text} applied (1-based row and column)."""
    out = [list(r) for r in rows]
    for (r, c), value in edits.items():
        out[r - 1][c - 1] = value
    dump(out, name, folder='malformed', **kw)


dump([r for i, r in enumerate(rows) if not 4 <= i <= 8], 'missing-budget.csv', folder='malformed')
changed({(13, 7): '四'}, 'weight-not-a-number.csv')
changed({(13, 7): '0', (13, 8): '0'}, 'weight-zero.csv')
changed({(13, 8): '6'}, 'score-above-weight.csv')
changed({(r, c): '0' for r in range(6, 9) for c in range(4, 7)}, 'budget-zero.csv')
changed({(14, 4): rows[12][3]}, 'duplicate-indicator.csv')
wide = [list(r) for r in rows]
wide[12] = wide[12] + [''] * (10_000 - len(wide[12]))
dump(wide, 'wide-row.csv', folder='malformed')
dump(rows + [['']] * (10_001 - len(rows)), 'too-many-rows.csv', folder='malformed')
changed({(11, 2): 'x' * 32_768}, 'cell-too-long.csv')
# Cut in the middle of a UTF-8 character of the indicator table: with a BOM (the encoding is
# known, so the last cell is named) and without (the bytes are then neither UTF-8 nor, as a
# whole, the form in GB18030).
cut_at = text.encode('utf-8').index('引进项目落地个数'.encode('utf-8')) + 4
with open(os.path.join(HERE, 'malformed', 'truncated-mid-character.csv'), 'wb') as f:
    f.write(b'\xef\xbb\xbf' + text.encode('utf-8')[:cut_at])
with open(os.path.join(HERE, 'malformed', 'truncated-mid-character-no-bom.csv'), 'wb') as f:
    f.write(text.encode('utf-8')[:cut_at])

# Mixed encodings: each row encoded on its own, the rows in `odd` in `odd_enc`, the rest in
# `enc`. The reader names the first odd row (mixed-encoding), or with a BOM the first cell that
# is not UTF-8 (invalid-encoding).
def dump_mixed(name, enc, odd, odd_enc, bom=False):
    data = b'\xef\xbb\xbf' if bom else b''
    for i, r in enumerate(rows):
        buf = io.StringIO()
        csv.writer(buf, lineterminator='\r\n', quoting=csv.QUOTE_MINIMAL).writerow(r)
        data += buf.getvalue().encode(odd_enc if i + 1 in odd else enc)
    with open(os.path.join(HERE, 'malformed', name), 'wb') as f:
        f.write(data)


dump_mixed('mixed-gbk-with-utf8-row.csv', 'gb18030', {14}, 'utf-8')
dump_mixed('mixed-gbk-with-utf8-rows.csv', 'gb18030', {14, 15, 16}, 'utf-8')
dump_mixed('mixed-utf8-with-gbk-row.csv', 'utf-8', {15}, 'gb18030')
dump_mixed('mixed-utf8-bom-with-gbk-row.csv', 'utf-8', {15}, 'gb18030', bom=True)

# 全年预算数 that is negative or not a number: reported as such, never as "为0".
changed({(6, 5): '-734.78'}, 'budget-negative.csv')
changed({(6, 5): '1e300'}, 'budget-not-a-number.csv')

# Issue #15, class 1: characters XML 1.0 forbids (a warning at their cell; the workbook shows
# U+FFFD and stays well-formed). Class 5: cells over Excel's 32,767 UTF-16 units that are fewer
# than 32,767 grapheme clusters (refused as `cell-too-long`, not later at OUTPUT:1:A).
changed({(4, 3): '黔南州\x01人民政府驻广州办事处\x1b'}, 'control-character-unit.csv')
changed({(17, 6): '圆满\uffff完成\ufffe'}, 'noncharacter-cell.csv')
changed({(11, 2): 'a' + '\r\n' * 20_000}, 'cell-too-long-crlf.csv')
changed({(11, 2): 'e\u0301' * 32_767}, 'cell-too-long-combining.csv')
changed({(11, 2): '\U0001F600' * 16_384}, 'cell-too-long-astral.csv')
# A legal cell of exactly 32,767 UTF-16 units that warnings and the 评分明细 sheet quote: the
# composed texts are cut to fit in the workbook (with …), whole in report.json.
changed({(13, 6): '8家' + '多' * 32_765, (13, 8): ''}, 'long-legal-cell.csv')

# Issue #15, class 9: rules files that must be refused when read (exit 2, the field named), each
# listed with that field in Fixtures/malformed/rules/EXPECTED.tsv.
import json
RULES = [
    ('name-too-long.json', {'name': 'n' * 256}, 'name'),
    ('name-nul.json', {'name': 'local\u0000rules'}, 'U+0000'),
    ('name-control.json', {'name': 'local\u0001rules'}, 'U+0001'),
    ('name-noncharacter.json', {'name': 'local\uffffrules'}, 'U+FFFF'),
    ('unknown-key.json', {'name': 'x', 'executionWeight': 20}, 'executionWeight'),
    ('unknown-nested-key.json', {'name': 'x', 'tiers': {'achieved': 0.8, 'partial': 0.6, 'none': 0}}, 'tiers.none'),
    ('grade-band-over-100.json', {'name': 'x', 'gradeBands': {'excellent': 900, 'good': 80, 'fair': 60}}, 'gradeBands'),
    ('threshold-too-high.json', {'name': 'x', 'overAchievementThreshold': 1000}, 'overAchievementThreshold'),
]
os.makedirs(os.path.join(HERE, 'malformed', 'rules'), exist_ok=True)
with open(os.path.join(HERE, 'malformed', 'rules', 'EXPECTED.tsv'), 'w', encoding='utf-8') as f:
    f.write('# Rules files refused by --rules (exit 2), with the field the error names '
            '(Tests/EndToEndTests/HostileInputTests.swift). Made by Fixtures/make_variants.py.\n')
    f.write('file\tfield\n')
    for name, content, field in RULES:
        with open(os.path.join(HERE, 'malformed', 'rules', name), 'w', encoding='utf-8') as r:
            r.write(json.dumps(content, ensure_ascii=True) + '\n')
        f.write(f'{name}\t{field}\n')

# Issue #16: a WPS export that writes each merged label into every cell of its range: 绩效指标 down
# column A of the indicator table, each 一级指标 and 二级指标 down its block. Reads into the same
# report as the reference form (no label-points-mismatch per row).
wps = [list(r) for r in rows]
level1 = level2 = ''
for i in range(12, 28):  # the indicator rows 13..28 (1-based)
    r = wps[i]
    if r[1]:
        level1, level2 = r[1], ''
    if r[2]:
        level2 = r[2]
    r[0], r[1], r[2] = wps[11][0], level1, level2
dump(wps, 'wps-repeated-labels.csv')
