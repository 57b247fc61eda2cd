#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when po/nl.po lacks a translation (untranslated, fuzzy, or a message only in the
# sources), or when a file with translatable strings is missing from po/POTFILES.in.
set -eu
srcdir=$1
cd "$srcdir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# Every listed file exists; every file with translatable strings is listed.
while read -r file; do
  case "$file" in ''|'#'*) continue ;; esac
  [ -f "$file" ] || { echo "POTFILES.in lists a missing file: $file"; status=1; }
done < po/POTFILES.in

for file in $(grep -l -E '(^|[^a-z_])(_|N_|ngettext|g_dngettext)\(' src/*/*.c 2>/dev/null) \
            $(grep -l 'translatable="yes"' ui/*.ui 2>/dev/null); do
  grep -qx "$file" po/POTFILES.in || { echo "Not in po/POTFILES.in: $file"; status=1; }
done

# Extract the current messages, merge them into nl.po and count what is not translated.
xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --files-from=po/POTFILES.in --output="$tmp/paraat.pot" 2>"$tmp/xgettext.log" || {
  cat "$tmp/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching po/nl.po "$tmp/paraat.pot" -o "$tmp/merged.po"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2>&1)
echo "nl: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "po/nl.po is incomplete. Run 'ninja -C _build paraat-update-po' and translate:"
    LC_ALL=C msgattrib --untranslated --only-fuzzy "$tmp/merged.po" 2>/dev/null | grep '^msgid' | head -20
    LC_ALL=C msgattrib --untranslated "$tmp/merged.po" | grep '^msgid' | head -40
    status=1 ;;
esac
stats_file=$(LC_ALL=C msgfmt --check --statistics -o /dev/null po/nl.po 2>&1)
case "$stats_file" in
  *untranslated*|*fuzzy*) echo "po/nl.po itself: $stats_file"; status=1 ;;
esac
exit $status
