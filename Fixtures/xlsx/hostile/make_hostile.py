#!/usr/bin/env python3
"""Makes the hostile workbooks of Fixtures/xlsx/hostile/ (committed; needs only Python):

- zip-bomb.xlsx      a worksheet that inflates to 100 MiB (declared): over the 64 MiB limit
- ratio-bomb.xlsx    a 32 MiB worksheet of one repeated byte: over the 200:1 ratio limit
- lying-size.xlsx    a worksheet whose directory declares 1,000 bytes but that inflates to 1 MiB
- truncated.xlsx     the first half of the sample form's .xlsx
- macro.xlsm         the sample form's .xlsx with a VBA project and the macro content type: its
                     values are read, the macro never looked at
- encrypted.xlsx     an OLE2 compound file holding EncryptionInfo / EncryptedPackage streams,
                     as Excel writes a password-protected .xlsx (header and directory only)

    python3 Fixtures/xlsx/hostile/make_hostile.py
"""
import os, struct, zipfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(os.path.dirname(HERE), "qiannan-guangzhou-2023.xlsx")
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def copy_with(target, replace=None, add=None):
    with zipfile.ZipFile(SAMPLE) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts.update(replace or {})
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
        for name, data in (add or {}).items():
            out.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def filler(size):
    head = f'<?xml version="1.0"?><worksheet xmlns="{NS}"><sheetData>'.encode()
    tail = b"</sheetData></worksheet>"
    return head + b" " * (size - len(head) - len(tail)) + tail


def main():
    copy_with(os.path.join(HERE, "zip-bomb.xlsx"), replace={"xl/worksheets/sheet1.xml": filler(100 << 20)})
    copy_with(os.path.join(HERE, "ratio-bomb.xlsx"), replace={"xl/worksheets/sheet1.xml": filler(32 << 20)})

    # lying-size: declare 1,000 bytes for a 1 MiB worksheet, in the local header and the directory.
    path = os.path.join(HERE, "lying-size.xlsx")
    copy_with(path, replace={"xl/worksheets/sheet1.xml": filler(1 << 20)})
    data = bytearray(open(path, "rb").read())
    name = b"xl/worksheets/sheet1.xml"
    at = 0
    while True:
        at = data.find(name, at + 1)
        if at < 0:
            break
        if data[at - 30:at - 26] == b"PK\x03\x04":
            struct.pack_into("<I", data, at - 30 + 22, 1000)
        elif data[at - 46:at - 42] == b"PK\x01\x02":
            struct.pack_into("<I", data, at - 46 + 24, 1000)
    open(path, "wb").write(bytes(data))

    sample = open(SAMPLE, "rb").read()
    open(os.path.join(HERE, "truncated.xlsx"), "wb").write(sample[: len(sample) // 2])

    with zipfile.ZipFile(SAMPLE) as z:
        types = z.read("[Content_Types].xml").decode()
    types = types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                          "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
    types = types.replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    copy_with(os.path.join(HERE, "macro.xlsm"), replace={"[Content_Types].xml": types.encode()},
              add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Attribute VB_Name = \"Module1\"\nSub Auto_Open()\nShell \"calc\"\nEnd Sub\n"})

    # encrypted: a 512-byte OLE2 header, then one directory sector naming the two streams.
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
    directory = bytearray(512)
    for i, stream in enumerate(["Root Entry", "EncryptionInfo", "EncryptedPackage"]):
        encoded = stream.encode("utf-16-le") + b"\0\0"
        directory[i * 128:i * 128 + len(encoded)] = encoded
        struct.pack_into("<H", directory, i * 128 + 64, len(encoded))
    open(os.path.join(HERE, "encrypted.xlsx"), "wb").write(bytes(header + directory))


if __name__ == "__main__":
    main()
