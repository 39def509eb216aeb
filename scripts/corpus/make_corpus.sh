#!/bin/sh
# The package adapter's corpus: openpyxl's files (make_corpus.py), then LibreOffice's copy of them.
set -e
cd "$(dirname "$0")/../.."
OUT=test/fixtures/corpus
mkdir -p "$OUT"
/usr/bin/python3 scripts/corpus/make_corpus.py "$OUT"
TMP=$(mktemp -d)
soffice --headless --convert-to xlsx --outdir "$TMP" "$OUT/openpyxl-features.xlsx" >/dev/null
mv "$TMP/openpyxl-features.xlsx" "$OUT/libreoffice-features.xlsx"
rmdir "$TMP"
# A pivot table, which openpyxl cannot create: LibreOffice adds one through its UNO bridge
# (Debian's python3-uno) and saves the workbook as .xlsx.
/usr/bin/python3 scripts/corpus/make_pivot.py "$OUT/openpyxl-features.xlsx" "$OUT/libreoffice-pivot.xlsx"
