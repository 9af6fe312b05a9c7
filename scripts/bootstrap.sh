#!/usr/bin/env bash
# Installs what selfeval needs to build and test, only when it is missing:
# libxlsxwriter (Debian's libxlsxwriter-dev, with zlib1g-dev and pkg-config) and unzip
# (the tests read the XLSX they write with it, independently of our own code) and python3 (its
# expat parser checks that every XML part of every workbook the tests write is well-formed);
# libexpat1-dev and libfreexl-dev for reading .xlsx (expat, with zlib's inflate) and .xls (FreeXL);
# for `selfeval serve`, see below.
set -euo pipefail
need=()
pkg-config --exists xlsxwriter 2>/dev/null || need+=(libxlsxwriter-dev zlib1g-dev pkg-config)
[ -f /usr/include/zlib.h ] || need+=(zlib1g-dev)
pkg-config --exists expat 2>/dev/null || need+=(libexpat1-dev)
pkg-config --exists freexl 2>/dev/null || need+=(libfreexl-dev)
command -v unzip >/dev/null 2>&1 || need+=(unzip)
command -v python3 >/dev/null 2>&1 || need+=(python3)  # the tests check every XML part with expat
# selfeval serve: argon2id for the administrator's password, SQLite under GRDB; its browser test
# drives Debian's headless Chromium through chromedriver; make serve uploads the sample with curl.
pkg-config --exists libargon2 2>/dev/null || need+=(libargon2-dev)
[ -f /usr/include/sqlite3.h ] || need+=(libsqlite3-dev)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  echo "bootstrap: installing ${need[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "bootstrap: swift is not on PATH (Swift 6 toolchain needed)" >&2; exit 1; }
