#!/bin/sh
# Makes the workbooks LibreOffice writes from the shipped CSV fixtures, and the CSV LibreOffice
# saves from each workbook (its "CSV twin"), into test/fixtures/libreoffice/. Run by hand where
# LibreOffice is installed (apt-get install libreoffice-calc-nogui); the tests read the files
# committed here and need no LibreOffice.
#   sh dev/libreoffice-fixtures.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/test/fixtures/libreoffice"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/twin"
cp "$root/fixtures/lost-customers-en.csv" "$root/fixtures/lost-customers-de.csv" "$work/"
# The English export with LibreOffice's default CSV import (numbers and ISO dates typed, ZIP
# codes' leading zeros lost, percentages kept as text); the German one with its own settings:
# separator 59 ';', quote 34, charset 1 (Windows-1252), from line 1, German (1031) numbers/dates.
soffice --headless --convert-to xlsx --outdir "$work" "$work/lost-customers-en.csv" >/dev/null
soffice --headless --infilter="CSV:59,34,1,1,,1031" --convert-to xlsx --outdir "$work" "$work/lost-customers-de.csv" >/dev/null
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$work/twin" "$work/lost-customers-en.xlsx" >/dev/null
cp "$work/lost-customers-en.xlsx" "$work/lost-customers-de.xlsx" "$out/"
cp "$work/twin/lost-customers-en.csv" "$out/lost-customers-en.twin.csv"
echo "written: $out"
