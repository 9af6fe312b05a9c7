#!/usr/bin/env python3
"""Synthetic corpus of 部门整体支出绩效目标自评表 CSV exports, derived from the canonical fixture.

usage: python3 make_corpus.py --count N --seed S [--fixture CSV] OUTDIR

Writes OUTDIR/form_00000.csv ... (9 columns A..I, merged cells' text in the top-left
cell only, like the fixture). Deterministic for a given seed (and Python version).
Varies: unit (州/县 departments), year and filing date, budget figures (年度资金总额 =
基本支出 + 项目支出 + 其他资金 in every column), number of 数量 indicators (3..6, weights
re-split so the form still sums to 100), indicator targets and actuals (over- and
under-achieved, e.g. 8家 against 10家以上), negative indicators (≤5% with actual 6%),
qualitative partials (部分完成) and failures (未按时完成), cost targets written as ≤,
goals text length and occasional line breaks inside a cell, contact person.
About half the files carry self-assessed scores (sometimes generous), the rest are blank.
Encodings: ~2% GB18030 without BOM, ~2% UTF-8 BOM with LF, the rest UTF-8 BOM with CRLF.
"""
import argparse
import csv
import io
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FIXTURE = os.path.join(HERE, '..', '..', 'Fixtures', 'qiannan-guangzhou-2023.csv')

PLACES = ['黔南州', '都匀市', '福泉市', '荔波县', '贵定县', '瓮安县', '独山县', '平塘县',
          '罗甸县', '长顺县', '龙里县', '惠水县', '三都水族自治县']
DEPTS = ['财政局', '教育局', '卫生健康局', '农业农村局', '交通运输局', '自然资源局', '生态环境局',
         '民政局', '人力资源和社会保障局', '文体广电旅游局', '商务局', '统计局', '审计局', '林业局',
         '水务局', '市场监督管理局', '投资促进局', '科学技术局', '应急管理局', '住房和城乡建设局']
SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'
GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞斌宇浩凯健俊帆'

QUANT = [  # 数量 indicators: name, unit, typical target
    ('组织企业赴本地考察', '家', 10), ('报送有价值的信息、调研报告、专报', '篇', 20),
    ('走访有投资意向的企业', '家', 50), ('引进项目落地个数', '个', 2),
    ('开展招商推介活动', '场', 6), ('开展业务培训', '次', 4), ('培训人员', '人次', 300),
    ('完成监督检查项目', '个', 30), ('发放政策宣传资料', '份', 2000), ('办理群众来信来访', '件', 120),
    ('新增就业人数', '人', 500), ('完成项目评审', '个', 40),
]
QUAL_POS = [  # 质量 indicators as percentages, positive
    ('四家班子及州直部门开展东西部协作参与率', 100), ('部门联络招商引资参与率', 100),
    ('年度重点任务完成率', 95), ('项目验收合格率', 98), ('资金拨付及时率', 95),
    ('政策知晓率', 90),
]
QUAL_NEG = [  # negative (≤) quality indicators
    ('工作差错率', 5), ('群众投诉率', 2), ('公用经费增长率', 5), ('项目返工率', 3),
]
REASONS = ['受疫情影响,部分活动延期开展', '部分企业投资意向调整,项目落地推迟',
           '人员变动较大, 工作进度受影响', '资金拨付滞后,"项目"未能按期实施',
           '已制定整改措施,下一年度加快推进']


def money(cents):
    return '%d.%02d' % divmod(cents, 100)


def load_fixture(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.reader(f))


def rnd_cents(rng, lo, hi):
    return rng.randint(lo, hi)


def make_form(rng, fx):
    year = rng.randint(2019, 2024)
    place = rng.choice(PLACES)
    unit = place + rng.choice(DEPTS)
    if place == '黔南州' and rng.random() < 0.1:
        unit = '黔南州人民政府驻广州办事处'
    scored = rng.random() < 0.5
    g = []

    def row(*c):
        g.append(list(c) + [''] * (9 - len(c)))

    row(fx[0][0])
    row('(%d年度)' % year)
    row('单位(盖章): ' + unit, '', '', '', '',
        '填报日期: %d年%d月%d日' % (year + 1, rng.randint(1, 4), rng.randint(1, 28)))
    row('部门(单位)名称', '', unit)
    row(*fx[4])

    # budget, in cents of 万元
    base0 = rnd_cents(rng, 5000, 300000)
    proj0 = rnd_cents(rng, 0, 500000) if rng.random() < 0.9 else 0
    oth0 = rnd_cents(rng, 100, 20000) if rng.random() < 0.3 else 0

    def adj(x):
        return int(x * rng.uniform(0.95, 1.2))

    def execd(x):
        return x if rng.random() < 0.55 else int(x * rng.uniform(0.7, 1.0))
    baseA, projA, othA = adj(base0), adj(proj0), adj(oth0)
    baseB, projB, othB = execd(baseA), execd(projA), execd(othA)
    tot0, totA, totB = base0 + proj0 + oth0, baseA + projA + othA, baseB + projB + othB
    rate = totB / totA if totA else 0.0
    bscore = min(rate * 10, 10)
    if scored:
        row('', '', '年度资金总额:', money(tot0), money(totA), money(totB), '10',
            '100%' if totB == totA else '%.2f%%' % (rate * 100), '%g' % round(bscore, 2))
    else:
        row('', '', '年度资金总额:', money(tot0), money(totA), money(totB), '10', '', '')
    row('', '', '基本支出', money(base0), money(baseA), money(baseB), '—', '—', '—')
    row('', '', '项目支出', money(proj0), money(projA), money(projB), '—', '—', '—')
    if oth0:
        row('', '', '其他资金', money(oth0), money(othA), money(othB), '—', '—', '—')
    else:
        row('', '', '其他资金', '', '', '', '—', '—', '—')

    # goals
    row(*fx[9])
    items = fx[10][1].split(';')
    k = rng.randint(3, len(items))
    sep = '\n' if rng.random() < 0.05 else ';'
    goals = sep.join(items[:k])
    actual = fx[10][4].replace('2022年', '%d年' % year)
    if rng.random() < 0.5:
        actual = actual.split('很好帮助')[0].rstrip(',') + '。'
    row('', goals, '', '', actual)
    row(*fx[11])

    ind = []  # (l1, l2, l3, A, B, weight, kind, true_fraction)

    # 数量
    n = rng.randint(3, 6)
    weights = [20 // n + (1 if i < 20 % n else 0) for i in range(n)]
    picks = rng.sample(QUANT, n - 1)
    for i in range(n):
        w = weights[i]
        if i == n - 1:
            b = rng.choice(['圆满完成', '圆满完成', '按质保量完成', '部分完成', '基本完成'])
            ind.append(('完成上级交办的其他工作', '按质保量完成', b, w, 'qual'))
            continue
        name, u, t = picks[i]
        t = max(1, int(t * rng.uniform(0.5, 2)))
        style = rng.random()
        a = ('%d%s以上' % (t, u)) if style < 0.6 else (('≥%d%s' % (t, u)) if style < 0.8 else '%d%s' % (t, u))
        p = rng.random()
        actual_n = t if p < 0.3 else (int(t * rng.uniform(1.0, 4.0)) if p < 0.75 else int(t * rng.uniform(0.5, 0.98)))
        ind.append((name, a, '%d%s' % (actual_n, u), w, 'quant'))
    qty = ind

    # 质量: 3 rows x 5
    qual = []
    pos = rng.sample(QUAL_POS, 2)
    for name, t in pos:
        a = '%d%%' % t if t == 100 else rng.choice(['≥%d%%' % t, '%d%%以上' % t])
        b = '%d%%' % min(100, t + rng.choice([0, 0, 1, 2, -3, -8]))
        qual.append((name, a, b, 5, 'quant'))
    if rng.random() < 0.5:
        name, t = rng.choice(QUAL_NEG)
        a = rng.choice(['≤%d%%' % t, '%d%%以下' % t, '控制在%d%%以内' % t])
        b = '%d%%' % rng.choice([0, t - 1, t, t + 1, t + 2])
        qual.append((name, a, b, 5, 'quant'))
    else:
        b = rng.choice(['优秀', '优秀', '优秀', '良好,部分任务未按期完成', '未达到优秀等级'])
        qual.append(('工作任务完成情况',
                     '根据%d年度工作重点任务完成情况评定,评定等级分别为“优秀”' % year, b, 5, 'qual'))

    # 时效
    tim = [('完成时间', '12月底全部完成',
            rng.choice(['按时完成'] * 6 + ['部分按时完成', '未按时完成']), 3, 'qual')]

    # 成本
    share = rng.uniform(0.75, 0.95)
    pers_A = int(baseA * share)
    pers_B = min(baseB, int(baseB * share * rng.uniform(0.98, 1.02)))
    le = rng.random() < 0.3

    def cost(x):
        return ('≤' if le else '') + money(x) + '万元'
    cst = [('基本支出小计', cost(baseA), money(baseB) + '万元', 3, 'quant'),
           ('1.人员类项目支出', cost(pers_A), money(pers_B) + '万元', 3, 'quant'),
           ('2.运转类公用项目支出', cost(baseA - pers_A), money(baseB - pers_B) + '万元', 3, 'quant'),
           ('项目支出小计', cost(projA), money(projB) + '万元', 3, 'quant')]

    # 效益
    eco, soc = fx[25], fx[26]

    def benefit_b(text):
        p = rng.random()
        if p < 0.15:
            return '部分达成预期目标,' + text
        if p < 0.18:
            return '未达成预期目标,效果较差。'
        return text
    ben = [(eco[3], eco[4], benefit_b(eco[5]), 15, 'qual', '经济效益'),
           (soc[3], soc[4], benefit_b(soc[5]), 15, 'qual', '社会效益')]

    # 满意度
    t = rng.choice([99, 95, 90])
    sat_a = rng.choice(['≥%d%%' % t, '%d%%以上' % t])
    sat = (rng.choice(['单位人员对办事处的满意度', '服务对象满意度', '群众满意度', '企业满意度']),
           sat_a, '%d%%' % rng.randint(max(80, t - 8), 100), 10, 'quant')

    out_label = rng.choice(['产出指标(50分)'] * 4 + ['产出指标(60分)'])
    blocks = [(out_label, '数量', qty), (None, '质量', qual), (None, '时效', tim), (None, '成本', cst)]
    self_scores = []

    def self_score(kind, a, b, w):
        if kind == 'quant':
            na = float(re.search(r'[0-9]+(?:\.[0-9]+)?', a).group(0))
            nb = float(re.search(r'[0-9]+(?:\.[0-9]+)?', b).group(0))
            neg = any(m in a for m in ('≤', '以下', '以内'))
            if neg:
                f = 1.0 if nb == 0 else min(na / nb, 1.0)
            else:
                f = 1.0 if na == 0 else min(nb / na, 1.0)
            s = w * f if rng.random() < 0.7 else w  # sometimes generous
        else:
            if any(m in b for m in ('未完成', '未达成', '未达到', '未按时', '较差')):
                s = w * rng.choice([0.3, 0.4, 0.6])
            elif any(m in b for m in ('部分', '基本')):
                s = w * rng.choice([0.6, 0.7, 0.9])
            else:
                s = w * rng.choice([1.0, 1.0, 0.9, 0.8])
        return round(s, 1)

    def emit(l1, l2, l3, a, b, w, kind):
        s = self_score(kind, a, b, w)
        self_scores.append(s)
        reason = ''
        if s < w and rng.random() < 0.5:
            reason = rng.choice(REASONS)
        row('', l1 or '', l2 or '', l3, a, b, str(w), ('%g' % s) if scored else '', reason)

    for l1, l2, items in blocks:
        for j, (l3, a, b, w, kind) in enumerate(items):
            emit(l1 if j == 0 else '', l2 if j == 0 else '', l3, a, b, w, kind)
            l1 = None
    for j, (l3, a, b, w, kind, l2) in enumerate(ben):
        emit('效益指标(30分)' if j == 0 else '', l2, l3, a, b, w, kind)
    emit('满意度指标(10分)', '服务对象满意度', *sat)

    total = round(sum(self_scores) + bscore, 2)
    grade = '优' if total >= 90 else '良' if total >= 80 else '中' if total >= 60 else '差'
    row('总分', '', '', '', '', '', '100', ('%g' % total) if scored else '')
    row('自评结论', ('自评等级“%s”' % grade) if scored else '')
    phone = ('0854-%07d' % rng.randint(0, 9999999)) if rng.random() < 0.6 else \
        '1%d%09d' % (rng.choice([3, 5, 8]), rng.randint(0, 999999999))
    who = rng.choice(SURNAMES) + ''.join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
    row('联系人: ' + who, '', '', '', '联系电话: ' + phone)
    for r in fx[31:]:
        row(*r)
    return g


def encode(rows, rng):
    p = rng.random()
    if p < 0.02:
        enc, bom, nl = 'gb18030', False, '\r\n'
    elif p < 0.04:
        enc, bom, nl = 'utf-8', True, '\n'
    else:
        enc, bom, nl = 'utf-8', True, '\r\n'
    buf = io.StringIO()
    csv.writer(buf, lineterminator=nl).writerows(rows)
    raw = buf.getvalue().encode(enc)
    return (b'\xef\xbb\xbf' + raw) if bom else raw


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--count', type=int, required=True)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--fixture', default=DEFAULT_FIXTURE)
    ap.add_argument('outdir')
    args = ap.parse_args()
    fx = load_fixture(args.fixture)
    os.makedirs(args.outdir, exist_ok=True)
    for i in range(args.count):
        rng = random.Random(args.seed * 1000003 + i)
        rows = make_form(rng, fx)
        with open(os.path.join(args.outdir, 'form_%05d.csv' % i), 'wb') as f:
            f.write(encode(rows, rng))
    sys.stderr.write('wrote %d forms to %s\n' % (args.count, args.outdir))


if __name__ == '__main__':
    main()
