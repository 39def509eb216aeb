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
