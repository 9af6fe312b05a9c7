#!/usr/bin/env python3
"""selfeval against its peers, measured in one run, alternating on the same corpus.

usage: python3 scripts/bench.py [--runs 5] [--count 1000] [--big 10000] [--peers scripts/peers] [--work DIR]
       python3 scripts/bench.py --only-floor [--floor 50]    (the instruction count alone)
       python3 scripts/bench.py --only-xlsx [--count 1000]   (reading .xlsx against CSV alone)

Needs: a release build (.build/release/selfeval), the C limit built from scripts/peers/limit_c
(scripts/bench.sh builds it), Python XlsxWriter (pip install XlsxWriter).

Runs, per round (rounds alternate the programs so that drift hits all alike):
  c-limit      scripts/peers/limit_c/limit over the corpus (one thread; temp files on /dev/shm)
  selfeval-j1  selfeval batch --jobs 1
  selfeval     selfeval batch (default jobs = cores)
  xlsxwriter   scripts/peers/peer_xlsxwriter.py (one thread)
Then: `selfeval convert` of one form, process start included (median of 30), and peak RSS
of `selfeval batch` over --big forms against --count forms.
Prints medians and the ratios the targets are stated in.

With --floor N (default 50; 0 skips it), also counts instructions with valgrind's callgrind over
the first N forms, for the C limit and for `selfeval batch --jobs 1`, and splits selfeval's
count into libxlsxwriter's packaging of the workbooks (`workbook_close`: XML, zip, deflate)
and the rest. Instruction counts do not vary with the machine's load; they show how much of
selfeval's time is the workbook it must write, whatever its own code does.
The .xlsx part: the same forms as .xlsx (the workbooks a `batch --jobs 1` wrote, each with its
评分明细 sheet, read too): `check` of all of them in one process (read, recognise, score; nothing
written) against `check` of the CSVs, and a `batch --jobs 1` over them beside one over the CSVs,
alternately, five rounds; then the instructions (callgrind) of `check` over the first 100 CSVs
and over the 100 .xlsx written for them, a ratio the machine's load does not move. With --only-xlsx, only that part is made (after the one batch that
writes the workbooks).
With --only-floor, only that count is made (a corpus of --floor forms, no timing): the figure
the speed promise is stated in (the rest at most 0.6 × workbook_close).
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd, env=None):
    t0 = time.perf_counter()
    p = subprocess.run(['/usr/bin/time', '-v'] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True, env=env)
    wall = time.perf_counter() - t0
    m = re.search(r'Maximum resident set size \(kbytes\): (\d+)', p.stderr)
    rss = int(m.group(1)) if m else 0
    status = re.search(r'Exit status: (\d+)', p.stderr)
    rc = int(status.group(1)) if status else p.returncode
    if rc not in (0, 1):
        sys.stderr.write('FAILED (%d): %s\n%s\n' % (rc, ' '.join(cmd), p.stderr[-1500:]))
    return wall, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--count', type=int, default=1000)
    ap.add_argument('--big', type=int, default=10000)
    ap.add_argument('--peers', default=os.path.join(ROOT, 'scripts', 'peers'))
    ap.add_argument('--work', default=None)
    ap.add_argument('--limit', default=None, help='path of the built C limit')
    ap.add_argument('--floor', type=int, default=50, help='forms for the instruction count (0: skip)')
    ap.add_argument('--only-floor', action='store_true', help='only the instruction count, no timing')
    ap.add_argument('--only-xlsx', action='store_true', help='only reading .xlsx against CSV')
    ap.add_argument('--selfeval', default=os.path.join(ROOT, '.build', 'release', 'selfeval'),
                    help='the selfeval binary to measure')
    a = ap.parse_args()

    work = a.work or tempfile.mkdtemp(prefix='selfeval-bench-')
    bench = a.peers
    selfeval = a.selfeval
    limit = a.limit or os.path.join(work, 'limit')
    corpus = os.path.join(work, 'corpus')
    if not os.path.isdir(corpus):
        count = a.floor if a.only_floor else a.count
        subprocess.run([sys.executable, os.path.join(bench, 'make_corpus.py'), '--count', str(count), '--seed', '1',
                        corpus], check=True, stdout=subprocess.DEVNULL)
    shm = '/dev/shm' if os.access('/dev/shm', os.W_OK) else None
    env = dict(os.environ)
    if shm:
        env['LIMIT_TMPDIR'] = shm
    if a.only_floor:
        floor = instruction_floor(a.floor, corpus, work, limit, selfeval, env)
        if floor is None:
            sys.exit(1)
        print_floor(floor)
        return

    def out(name):
        d = os.path.join(work, 'out-' + name)
        shutil.rmtree(d, ignore_errors=True)
        return d

    if a.only_xlsx:
        timed([selfeval, 'batch', corpus, '-o', out('s1'), '--jobs', '1'], env)
        print_xlsx(xlsx_reading(work, corpus, selfeval, env, out, a.runs))
        return

    programs = {
        'c-limit': lambda: [limit, corpus, out('c')],
        'selfeval-j1': lambda: [selfeval, 'batch', corpus, '-o', out('s1'), '--jobs', '1'],
        'selfeval': lambda: [selfeval, 'batch', corpus, '-o', out('s')],
        'xlsxwriter': lambda: [sys.executable, os.path.join(bench, 'peer_xlsxwriter.py'), corpus, out('xw')],
    }
    for name, cmd in programs.items():  # warm-up, unrecorded
        timed(cmd(), env)
    walls = {k: [] for k in programs}
    rss = {k: [] for k in programs}
    for r in range(a.runs):
        for name, cmd in programs.items():
            w, m = timed(cmd(), env)
            walls[name].append(w)
            rss[name].append(m)
            sys.stderr.write('round %d %-12s %.3f s  %d KiB\n' % (r + 1, name, w, m))

    xlsx = xlsx_reading(work, corpus, selfeval, env, out, a.runs)

    fixture = os.path.join(ROOT, 'Fixtures', 'qiannan-guangzhou-2023.csv')
    one = os.path.join(work, 'one.xlsx')
    single = []
    for _ in range(30):
        t0 = time.perf_counter()
        subprocess.run([selfeval, 'convert', fixture, '-o', one, '--force'], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        single.append(time.perf_counter() - t0)

    big = os.path.join(work, 'corpus-big')
    if a.big and not os.path.isdir(big):
        subprocess.run([sys.executable, os.path.join(bench, 'make_corpus.py'), '--count', str(a.big), '--seed', '2', big],
                       check=True, stdout=subprocess.DEVNULL)
    big_rss = None
    if a.big:
        _, big_rss = timed([selfeval, 'batch', big, '-o', out('big')], env)

    floor = instruction_floor(a.floor, corpus, work, limit, selfeval, env) if a.floor else None

    med = {k: statistics.median(v) for k, v in walls.items()}
    print('| program | forms | wall s (median of %d) | runs | ms/form | peak RSS MiB |' % a.runs)
    print('|---|---:|---:|---|---:|---:|')
    for k in programs:
        print('| %s | %d | %.3f | %s | %.2f | %.1f |' % (k, a.count, med[k], ' / '.join('%.3f' % w for w in walls[k]),
                                                       med[k] / a.count * 1000, statistics.median(rss[k]) / 1024))
    print()
    print('selfeval batch --jobs 1 / C limit      = %.2f   (target ≤ 1.30)' % (med['selfeval-j1'] / med['c-limit']))
    print('selfeval batch (%d jobs) / C limit      = %.2f   (target ≤ 0.75)' % (os.cpu_count() or 1, med['selfeval'] / med['c-limit']))
    print('XlsxWriter peer / selfeval batch        = %.2f   (target > 5)' % (med['xlsxwriter'] / med['selfeval']))
    print('selfeval convert, one form, process start included: median %.1f ms (target < 25 ms)'
          % (statistics.median(single) * 1000))
    print_xlsx(xlsx)
    if big_rss is not None:
        base = statistics.median(rss['selfeval'])
        print('peak RSS: %d forms %.1f MiB, %d forms %.1f MiB, ratio %.3f (target ≤ 1.10)'
              % (a.count, base / 1024, a.big, big_rss / 1024, big_rss / base))
    if floor:
        print()
        print_floor(floor)


def xlsx_reading(work, corpus, selfeval, env, out, runs):
    """The same forms as .xlsx (the workbooks the last --jobs 1 batch wrote): reading them with
    `check` (one process, nothing written) against the CSVs, and a --jobs 1 batch over each."""
    xlsx_corpus = os.path.join(work, 'corpus-xlsx')
    shutil.rmtree(xlsx_corpus, ignore_errors=True)
    os.makedirs(xlsx_corpus)
    for name in os.listdir(os.path.join(work, 'out-s1')):
        if name.endswith('.xlsx') and name != '汇总表.xlsx':
            shutil.copy(os.path.join(work, 'out-s1', name), xlsx_corpus)
    csv_files = sorted(os.path.join(corpus, n) for n in os.listdir(corpus))
    xlsx_files = sorted(os.path.join(xlsx_corpus, n) for n in os.listdir(xlsx_corpus))
    r = {'csv_files': len(csv_files), 'xlsx_files': len(xlsx_files),
         'check_csv': [], 'check_xlsx': [], 'batch_csv': [], 'batch_xlsx': []}
    for i in range(runs):
        r['check_csv'].append(timed([selfeval, 'check'] + csv_files, env)[0])
        r['check_xlsx'].append(timed([selfeval, 'check'] + xlsx_files, env)[0])
        r['batch_csv'].append(timed([selfeval, 'batch', corpus, '-o', out('sc'), '--jobs', '1'], env)[0])
        r['batch_xlsx'].append(timed([selfeval, 'batch', xlsx_corpus, '-o', out('sx'), '--jobs', '1'], env)[0])
        sys.stderr.write('xlsx round %d: check CSV %.3f s, .xlsx %.3f s; batch CSV %.3f s, .xlsx %.3f s\n'
                         % (i + 1, r['check_csv'][-1], r['check_xlsx'][-1], r['batch_csv'][-1], r['batch_xlsx'][-1]))
    # Instructions (callgrind), which do not move with the machine's load: `check` of the first
    # 100 CSVs and of the 100 .xlsx a batch wrote for them.
    n = 100
    sub, sub_out = os.path.join(work, 'corpus-x%d' % n), out('x%d' % n)
    shutil.rmtree(sub, ignore_errors=True)
    os.makedirs(sub)
    for name in sorted(os.listdir(corpus))[:n]:
        shutil.copy(os.path.join(corpus, name), sub)
    subprocess.run([selfeval, 'batch', sub, '-o', sub_out, '--jobs', '1'], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    csvs = sorted(os.path.join(sub, x) for x in os.listdir(sub))
    books = sorted(os.path.join(sub_out, x) for x in os.listdir(sub_out) if x.endswith('.xlsx') and x != '汇总表.xlsx')
    r['ir_forms'] = (len(csvs), len(books))
    plain = os.path.join(work, 'selfeval-nodebug')  # valgrind cannot read the static binary's debug information
    subprocess.run(['objcopy', '--strip-debug', selfeval, plain], check=True)
    r['ir_csv'] = callgrind([plain, 'check'] + csvs, os.path.join(work, 'callgrind.check-csv'), env)[0]
    r['ir_xlsx'] = callgrind([plain, 'check'] + books, os.path.join(work, 'callgrind.check-xlsx'), env)[0]
    return r


def print_xlsx(r):
    med = {k: statistics.median(v) for k, v in r.items() if isinstance(v, list)}
    (nc, nx), ic, ix = r['ir_forms'], r['ir_csv'], r['ir_xlsx']
    print('instructions per form, check (callgrind, process start included): %d CSV forms %.2f M, %d .xlsx forms %.2f M;'
          ' .xlsx / CSV = %.2f' % (nc, ic / max(nc, 1) / 1e6, nx, ix / max(nx, 1) / 1e6, (ix / max(nx, 1)) / max(ic / max(nc, 1), 1)))
    runs = lambda k: ' / '.join('%.3f' % w for w in r[k])
    print('reading (check, one process): %d CSV forms %.3f s (%s), %d .xlsx forms %.3f s (%s); .xlsx / CSV = %.2f (target ≤ 3)'
          % (r['csv_files'], med['check_csv'], runs('check_csv'), r['xlsx_files'], med['check_xlsx'], runs('check_xlsx'),
             med['check_xlsx'] / med['check_csv']))
    print('selfeval batch --jobs 1: %d .xlsx forms %.3f s (%.2f ms/form; %s) beside %d CSV forms %.3f s (%.2f ms/form; %s); .xlsx / CSV = %.2f'
          % (r['xlsx_files'], med['batch_xlsx'], med['batch_xlsx'] / max(r['xlsx_files'], 1) * 1000, runs('batch_xlsx'),
             r['csv_files'], med['batch_csv'], med['batch_csv'] / max(r['csv_files'], 1) * 1000, runs('batch_csv'),
             med['batch_xlsx'] / med['batch_csv']))


def print_floor(floor):
    """The instruction counts per form, and selfeval's own share against libxlsxwriter's packaging."""
    n, lt, lc, st, sc = floor
    print('instructions per form (callgrind, %d forms, one thread):' % n)
    print('  C limit:  %.2f M in all, of which libxlsxwriter workbook_close %.2f M' % (lt / n / 1e6, lc / n / 1e6))
    print('  selfeval: %.2f M in all, of which libxlsxwriter workbook_close %.2f M, the rest %.2f M'
          % (st / n / 1e6, sc / n / 1e6, (st - sc) / n / 1e6))
    if lt:
        print('  selfeval / C limit = %.2f; libxlsxwriter packaging selfeval\'s workbooks alone / C limit = %.2f'
              % (st / lt, sc / lt))
    else:  # the C peer was not built (scripts/bench.sh builds it): no ratio against it
        print('  (no C limit: the C peer was not built; scripts/bench.sh builds it)')
    print('  selfeval outside workbook_close / inside = %.3f (promise: at most 0.6)' % ((st - sc) / sc))


def callgrind(cmd, out, env):
    """(total, inclusive workbook_close) instruction counts of one run under callgrind."""
    subprocess.run(['valgrind', '--tool=callgrind', '--callgrind-out-file=' + out] + cmd, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    text = subprocess.run(['callgrind_annotate', '--inclusive=yes', out], capture_output=True, text=True).stdout
    total = close = 0
    for line in text.splitlines():
        m = re.match(r'\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$', line)
        if not m:
            continue
        count = int(m.group(1).replace(',', ''))
        if m.group(2).startswith('PROGRAM TOTALS'):
            total = count
        elif re.search(r'[:?]workbook_close \[', m.group(2)):
            close = max(close, count)
    return total, close


def instruction_floor(n, corpus, work, limit, selfeval, env):
    """Instruction counts over the first n forms of the corpus, or None without valgrind."""
    if shutil.which('valgrind') is None or shutil.which('callgrind_annotate') is None:
        sys.stderr.write('valgrind not found: no instruction count (apt-get install -y valgrind)\n')
        return None
    small = os.path.join(work, 'corpus-%d' % n)
    if not os.path.isdir(small):
        os.makedirs(small)
        for name in sorted(os.listdir(corpus))[:n]:
            shutil.copy(os.path.join(corpus, name), small)
    outs = [os.path.join(work, 'out-floor-' + k) for k in ('c', 's')]
    for d in outs:
        shutil.rmtree(d, ignore_errors=True)
    lt, lc = callgrind([limit, small, outs[0]], os.path.join(work, 'callgrind.limit'), env)
    # valgrind cannot read the debug information of the statically linked binary: count a copy
    # without it (the same code; symbols are kept).
    plain = os.path.join(work, 'selfeval-nodebug')
    subprocess.run(['objcopy', '--strip-debug', selfeval, plain], check=True)
    st, sc = callgrind([plain, 'batch', small, '-o', outs[1], '--jobs', '1'], os.path.join(work, 'callgrind.selfeval'), env)
    return n, lt, lc, st, sc


if __name__ == '__main__':
    main()
