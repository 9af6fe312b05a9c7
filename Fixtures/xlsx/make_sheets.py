#!/usr/bin/env python3
"""Makes the workbooks of Fixtures/xlsx/sheets/ and Fixtures/xlsx/formats/ with LibreOffice
(soffice --headless), from flat OpenDocument spreadsheets (.fods) written here:

- sheets/several-forms.{xlsx,xls}: a cover sheet, the department form
  (qiannan-guangzhou-2023.csv), two project forms (project/national.csv,
  project/nature-unit.csv), the department form again (same unit and year: a duplicate), and a
  notes sheet; plain numbers as numbers, every other cell as text, as the CSV holds it.
- sheets/no-form.{xlsx,xls}: a cover and a notes sheet, no form.
- formats/number-formats.{xlsx,xls}: one number a row in column B, under the number format
  that column C names (General, 0%, 0.00%, 0.00, #,##0.00, #,##0, 0, dates, a time; values and
  formulas); column A holds what Excel shows (and its CSV export holds) for it.
- formats/dates-1904.{xlsx,xls}: dates in a workbook on the 1904 date system.

Run once when these change (needs libreoffice-calc-nogui); the outputs are committed and the
tests never need LibreOffice.

    python3 Fixtures/xlsx/make_sheets.py
"""
import csv, io, os, re, shutil, subprocess, sys, tempfile
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
# A LibreOffice profile of its own: another soffice running with the default one makes a
# conversion wait forever.
PROFILE = "-env:UserInstallation=file://" + os.path.join(tempfile.gettempdir(), "selfeval-fixtures-lo")
FIXTURES = os.path.dirname(HERE)
PLAIN_NUMBER = re.compile(r"^-?(0|[1-9][0-9]{0,11})(\.[0-9]{0,2}[1-9])?$")

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
"""

# name: (data style XML, the format's name in column C)
STYLES = {
    "pct0": ('<number:percentage-style style:name="Npct0"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>', "0%"),
    "pct2": ('<number:percentage-style style:name="Npct2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>', "0.00%"),
    "fix2": ('<number:number-style style:name="Nfix2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>', "0.00"),
    "grp2": ('<number:number-style style:name="Ngrp2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>', "#,##0.00"),
    "grp0": ('<number:number-style style:name="Ngrp0"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>', "#,##0"),
    "int": ('<number:number-style style:name="Nint"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/></number:number-style>', "0"),
    "iso": ('<number:date-style style:name="Niso"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>', "yyyy-mm-dd"),
    "cjk": ('<number:date-style style:name="Ncjk"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>', 'yyyy"年"m"月"d"日"'),
    "slash": ('<number:date-style style:name="Nslash"><number:year number:style="long"/><number:text>/</number:text><number:month/><number:text>/</number:text><number:day/></number:date-style>', "yyyy/m/d"),
    "time": ('<number:time-style style:name="Ntime"><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>', "hh:mm"),
}

# (shown, style or None for General, value type, value)
NUMBERS = [
    ("702.71", None, "float", "702.7100000000001"),
    ("0.3", None, "float", "0.30000000000000004"),
    ("120000", None, "float", "120000"),
    ("1234567.891", None, "float", "1234567.891"),
    ("100%", "pct0", "percentage", "1"),
    ("90%", "pct0", "percentage", "0.9"),
    ("0%", "pct0", "percentage", "0"),
    ("12.50%", "pct2", "percentage", "0.125"),
    ("100.00%", "pct2", "percentage", "1"),
    ("702.71", "fix2", "float", "702.7100000000001"),
    ("10.00", "fix2", "float", "10"),
    ("-3.50", "fix2", "float", "-3.5"),
    ("120,000.00", "grp2", "float", "120000"),
    ("1,234,567.89", "grp2", "float", "1234567.891"),
    ("98,765", "grp0", "float", "98765"),
    ("4", "int", "float", "3.6"),
    ("2023-12-31", "iso", "date", "2023-12-31"),
    ("2024年1月5日", "cjk", "date", "2024-01-05"),
    ("2023/12/31", "slash", "date", "2023-12-31"),
    ("12:30", "time", "time", "PT12H30M00S"),
    # Formulas, read by their cached value under their cell's format.
    ("100%", "pct0", "percentage", "1", "of:=0.5+0.5"),
    ("2023-12-31", "iso", "date", "2023-12-31", "of:=DATE(2023;12;31)"),
    ("1,234.50", "grp2", "float", "1234.5", "of:=1000+234.5"),
    # Formulas of logical and error results. (One of text is left out: LibreOffice's .xls stores
    # its cached result as the number 0, with no STRING record, where Excel and WPS store the text.)
    ("TRUE", None, "boolean", "true", "of:=1=1"),
    ("#DIV/0!", None, "float", "0", "of:=1/0"),
]

# The 1904 date system (Excel for Mac): the same dates, stored as days since 1904-01-01.
DATES_1904 = [
    ("2023-12-31", "iso", "date", "2023-12-31"),
    ("2024年1月5日", "cjk", "date", "2024-01-05"),
    ("1904-01-02", "iso", "date", "1904-01-02"),
]


def read_grid(path):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter="\t" if path.endswith(".tsv") else ","))


def cell(text):
    if text == "":
        return "<table:table-cell/>"
    if PLAIN_NUMBER.match(text):
        return f'<table:table-cell office:value-type="float" office:value="{text}"><text:p>{text}</text:p></table:table-cell>'
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in text.split("\n"))
    return f'<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>'


def table(name, rows):
    body = "".join("<table:table-row>" + "".join(cell(c) for c in row) + "</table:table-row>" for row in rows)
    return f"<table:table table:name={quoteattr(name)}>{body}</table:table>"


def document(tables, styles=""):
    return (HEAD + f"<office:automatic-styles>{styles}</office:automatic-styles>"
            + "<office:body><office:spreadsheet>" + "".join(tables) + "</office:spreadsheet></office:body></office:document>")


def formats_table(numbers=NUMBERS, null_date=None):
    styles = "".join(xml for xml, _ in STYLES.values())
    styles += "".join(f'<style:style style:name="c{k}" style:family="table-cell" style:data-style-name="N{k}"/>' for k in STYLES)
    rows = ['<table:table-row><table:table-cell office:value-type="string"><text:p>显示</text:p></table:table-cell>'
            '<table:table-cell office:value-type="string"><text:p>数值</text:p></table:table-cell>'
            '<table:table-cell office:value-type="string"><text:p>格式</text:p></table:table-cell></table:table-row>']
    for shown, style, kind, value, *formula in numbers:
        attribute = {"float": "office:value", "percentage": "office:value", "date": "office:date-value",
                     "time": "office:time-value", "string": "office:string-value", "boolean": "office:boolean-value"}[kind]
        styled = f' table:style-name="c{style}"' if style else ""
        if formula:
            styled += ' table:formula=' + quoteattr(formula[0])
        rows.append("<table:table-row>"
                    f'<table:table-cell office:value-type="string"><text:p>{escape(shown)}</text:p></table:table-cell>'
                    f'<table:table-cell{styled} office:value-type="{kind}" {attribute}={quoteattr(value)}/>'
                    f'<table:table-cell office:value-type="string"><text:p>{escape(STYLES[style][1] if style else "General")}</text:p></table:table-cell>'
                    "</table:table-row>")
    settings = (f'<table:calculation-settings><table:null-date table:date-value="{null_date}"/></table:calculation-settings>'
                if null_date else "")
    return document([settings + f'<table:table table:name="格式">{"".join(rows)}</table:table>'], styles)


def main():
    if not shutil.which("soffice"):
        sys.exit("make_sheets.py: soffice not found (apt-get install libreoffice-calc-nogui)")
    cover = [["2023年度预算绩效自评材料"], [""], ["目录"], ["1. 部门整体支出绩效自评(黔南州驻广州联络处)"], ["2. 项目支出绩效自评(两个项目)"]]
    notes = [["填表说明"], ["1. 金额单位:万元。"], ["2. 得分保留两位小数。"]]
    department = read_grid(os.path.join(FIXTURES, "qiannan-guangzhou-2023.csv"))
    national = read_grid(os.path.join(FIXTURES, "project", "national.csv"))
    nature = read_grid(os.path.join(FIXTURES, "project", "nature-unit.csv"))
    workbooks = {
        ("sheets", "several-forms"): document([table("封面", cover), table("部门", department), table("项目一", national),
                                              table("项目二", nature), table("部门 副本", department), table("说明", notes)]),
        ("sheets", "no-form"): document([table("封面", cover), table("说明", notes)]),
        ("formats", "number-formats"): formats_table(),
        ("formats", "dates-1904"): formats_table(DATES_1904, "1904-01-01"),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for (folder, name), text in workbooks.items():
            source = os.path.join(tmp, name + ".fods")
            with open(source, "w", encoding="utf-8") as f:
                f.write(text)
            out = os.path.join(HERE, folder)
            os.makedirs(out, exist_ok=True)
            for fmt in ("xlsx", "xls"):
                subprocess.run(["soffice", PROFILE, "--headless", "--norestore", "--convert-to", fmt, "--outdir", out, source],
                               check=True, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
