#!/bin/sh
# make.sh writes the office fixtures of this folder with LibreOffice from the
# HTML sources in ../formats-src, so they are files real office software
# wrote, not hand-assembled XML. The produced files are committed: tests and
# CI do not need LibreOffice. Run it again after changing a source:
#
#	apt-get install -y libreoffice-writer-nogui poppler-utils img2pdf
#	knowledge/testdata/formats/make.sh
#
# The hand-written files (the saved person page, the Markdown card) are not
# made here.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$here/../formats-src
out=$here/veldegem
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

convert() { # convert <source.html> <filter> <output file>
	soffice --headless -env:UserInstallation="file://$tmp/profile" \
		--infilter="HTML (StarWriter)" --convert-to "$2" --outdir "$tmp" "$src/$1" >/dev/null
	mv "$tmp/${1%.html}.${2%%:*}" "$3"
}

# A function description in Word, one published as PDF, a brochure with a
# table in OpenDocument.
convert functiebeschrijving-omgevingsambtenaar.html 'docx:MS Word 2007 XML' "$out/functiebeschrijving-omgevingsambtenaar.docx"
convert functiebeschrijving-preventieadviseur.html pdf:writer_pdf_Export "$out/functiebeschrijving-preventieadviseur.pdf"
convert bij-wie-kan-ik-terecht.html odt:writer8 "$out/bij-wie-kan-ik-terecht.odt"

# A PDF with a password.
convert functiebeschrijving-omgevingsambtenaar.html \
	'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"geheim"}}' \
	"$out/functiebeschrijving-beveiligd.pdf"

# A scan: the PDF's page as an image, in a PDF without a text layer; the
# image itself as a file type wieiswie does not read.
pdftoppm -r 60 -png -singlefile "$out/functiebeschrijving-preventieadviseur.pdf" "$tmp/page"
img2pdf --output "$out/reglement-scan.pdf" "$tmp/page.png"
cp "$tmp/page.png" "$out/organogram.png"

# A Word file cut off halfway, as an interrupted copy leaves it.
size=$(wc -c <"$out/functiebeschrijving-omgevingsambtenaar.docx")
head -c $((size / 2)) "$out/functiebeschrijving-omgevingsambtenaar.docx" >"$out/kapot.docx"
