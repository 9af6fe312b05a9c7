#!/usr/bin/env python3
"""Makes Fixtures/xlsx/: every fixture form (Fixtures/*.csv, variants/, project/, real/) saved as
.xlsx by LibreOffice (soffice --headless, plain numbers detected; cells the CSV shows as
"120,000.00" or "10.00" given the format that shows them so, text such as "=8个" kept as text),
then as .xls from that .xlsx; plus mixed-strings.xlsx: the main form with every other
text cell rewritten as an inline rich-text string (two runs) beside the shared ones.

Run once when the fixtures change (needs libreoffice-calc-nogui); the outputs are committed and
the tests never need LibreOffice.

    python3 Fixtures/xlsx/make_xlsx.py                              (every form)
    python3 Fixtures/xlsx/make_xlsx.py variants/new-form.csv …      (only these, e.g. a form just added)
"""
import os, re, shutil, subprocess, sys, tempfile, zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
# A LibreOffice profile of its own: another soffice running with the default one makes a
# conversion wait forever.
PROFILE = "-env:UserInstallation=file://" + os.path.join(tempfile.gettempdir(), "selfeval-fixtures-lo")
FIXTURES = os.path.dirname(HERE)
GROUPS = ["", "variants", "project", "real"]


def decode(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def forms(only=()):
    for group in GROUPS:
        folder = os.path.join(FIXTURES, group)
        for name in sorted(os.listdir(folder)):
            if (name.endswith(".csv") or name.endswith(".tsv")) and (not only or os.path.join(group, name) in only):
                yield group, name


def convert(paths, fmt, outdir, separator):
    # 44/9: separator; 34: quote; 76: UTF-8; 1: first line; "": column types; 1033: language;
    # false: quoted fields not forced to text; false: plain numbers only (LibreOffice would give
    # "100%" the format 0.00% and show "100.00%"; Excel keeps 0%), number formats are tested by table.
    # The 13th token, false: text such as "=100%" stays text (a CSV export holds what was shown).
    infilter = f"CSV:{separator},34,76,1,,1033,false,false,false,false,false,false"
    subprocess.run(["soffice", PROFILE, "--headless", "--norestore", f"--infilter={infilter}",
                    "--convert-to", fmt, "--outdir", outdir, *paths],
                   check=True, stdout=subprocess.DEVNULL)


THOUSANDS = re.compile(r"^-?([0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?|[0-9]+\.[0-9]+)$")


def column_number(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def thousands_formats(xlsx, text, separator):
    """Cells written "120,000.00" or "10.00" in the CSV: LibreOffice's plain import keeps the
    number but not the display; they get the format that shows them so (#,##0.00, 0.00), as in
    the workbook the CSV was exported from."""
    import csv, io
    grid = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    with zipfile.ZipFile(xlsx) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    styles = parts["xl/styles.xml"].decode("utf-8")
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    xf_count = int(re.search(r'<cellXfs count="([0-9]+)"', styles).group(1))
    decimal_styles = {}
    added = {}

    def style_for(key):
        grouping, decimals = key
        if key not in decimal_styles:
            fmt_id = 200 + decimals + (100 if grouping else 0)
            code = ("#,##0" if grouping else "0") + ("." + "0" * decimals if decimals else "")
            nonlocal styles
            styles = styles.replace("</numFmts>", f'<numFmt numFmtId="{fmt_id}" formatCode="{code}"/></numFmts>')
            styles = styles.replace("</cellXfs>", f'<xf numFmtId="{fmt_id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="true"/></cellXfs>')
            decimal_styles[key] = xf_count + len(decimal_styles)
            added[key] = True
        return decimal_styles[key]

    def fix(m):
        ref = m.group(1)
        col = column_number(re.match(r"[A-Z]+", ref).group(0))
        row = int(re.search(r"[0-9]+", ref).group(0))
        cell = grid[row - 1][col - 1] if row - 1 < len(grid) and col - 1 < len(grid[row - 1]) else ""
        if m.group(3) not in (None, ' t="n"') or not THOUSANDS.match(cell.strip()):
            return m.group(0)
        decimals = len(cell.strip().split(".")[1]) if "." in cell else 0
        return f'<c r="{ref}" s="{style_for(("," in cell, decimals))}"{m.group(3) or ""}><v>{m.group(4)}</v></c>'

    def text_cell(m):
        # A cell the CSV held as "=100%": LibreOffice made it a formula; a CSV export of it (and
        # Excel, as the user typed it into a text cell) shows the text, kept here as an inline string.
        ref = m.group(1)
        col = column_number(re.match(r"[A-Z]+", ref).group(0))
        row = int(re.search(r"[0-9]+", ref).group(0))
        cell = grid[row - 1][col - 1]
        added["formula"] = True
        return f'<c r="{ref}"{m.group(2) or ""} t="inlineStr"><is><t xml:space="preserve">{escape(cell)}</t></is></c>'

    sheet = re.sub(r'<c r="([A-Z]+[0-9]+)"( s="[0-9]+")?( t="[a-z]+")?><v>([^<]*)</v></c>', fix, sheet)
    sheet = re.sub(r'<c r="([A-Z]+[0-9]+)"( s="[0-9]+")?(?: t="[a-z]+")?><f[^>]*>[^<]*</f>(?:<v>[^<]*</v>)?</c>', text_cell, sheet)
    if not added:
        return
    styles = re.sub(r'<cellXfs count="[0-9]+"', f'<cellXfs count="{xf_count + len(decimal_styles)}"', styles)
    parts["xl/styles.xml"] = styles.encode("utf-8")
    parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    with zipfile.ZipFile(xlsx, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def mixed_strings(source, target):
    """Every other shared-string cell of the first sheet becomes an inline string of two runs."""
    with zipfile.ZipFile(source) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sst = parts["xl/sharedStrings.xml"].decode("utf-8")
    strings = []
    for si in re.findall(r"<si>(.*?)</si>", sst, re.S):
        strings.append("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)))
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    count = [0]

    def inline(m):
        count[0] += 1
        if count[0] % 2:
            return m.group(0)
        text = strings[int(m.group(3))]
        half = len(text) // 2
        runs = f'<r><t xml:space="preserve">{text[:half]}</t></r><r><rPr><b/></rPr><t xml:space="preserve">{text[half:]}</t></r>'
        return f'<c r="{m.group(1)}"{m.group(2)} t="inlineStr"><is>{runs}</is></c>'

    sheet = re.sub(r'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?) t="s"><v>([0-9]+)</v></c>', inline, sheet)
    assert count[0] > 10, "no shared strings rewritten"
    parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def main():
    if not shutil.which("soffice"):
        sys.exit("make_xlsx.py: soffice not found (apt-get install libreoffice-calc-nogui)")
    with tempfile.TemporaryDirectory() as tmp:
        texts = []
        only = set(sys.argv[1:])
        for group, name in forms(only):
            src = os.path.join(FIXTURES, group, name)
            stage = os.path.join(tmp, "in", group or "top", "tab" if name.endswith(".tsv") else "comma")
            os.makedirs(stage, exist_ok=True)
            with open(src, "rb") as f:
                text = decode(f.read())
            # The xlsx keeps the name (with .csv/.tsv dropped): form.gbk.csv → form.gbk.xlsx.
            with open(os.path.join(stage, name[:-4] + ".csv"), "w", encoding="utf-8", newline="") as f:
                f.write(text)
            texts.append((os.path.join(HERE, group, name[:-4] + ".xlsx"), text, "\t" if name.endswith(".tsv") else ","))
        for group in GROUPS:
            for kind, sep in (("comma", 44), ("tab", 9)):
                stage = os.path.join(tmp, "in", group or "top", kind)
                if not os.path.isdir(stage):
                    continue
                paths = sorted(os.path.join(stage, n) for n in os.listdir(stage))
                out = os.path.join(HERE, group)
                os.makedirs(out, exist_ok=True)
                convert(paths, "xlsx", out, sep)
        for xlsx, text, separator in texts:
            thousands_formats(xlsx, text, separator)
        # The .xls from the finished .xlsx: the same cells, formats and text cells.
        for group in GROUPS:
            out = os.path.join(HERE, group)
            paths = sorted(x for x, _, _ in texts if os.path.dirname(x) == out.rstrip("/"))
            if not paths:  # soffice without a file to convert never ends
                continue
            subprocess.run(["soffice", PROFILE, "--headless", "--norestore", "--convert-to", "xls", "--outdir", out, *paths],
                           check=True, stdout=subprocess.DEVNULL)
    if not only or "qiannan-guangzhou-2023.csv" in only:
        mixed_strings(os.path.join(HERE, "qiannan-guangzhou-2023.xlsx"), os.path.join(HERE, "mixed-strings.xlsx"))


if __name__ == "__main__":
    main()
