#!/bin/sh
# Extracts every translatable string into po/techdiv.pot and reports msgids
# that a catalogue lacks: scripts/update-pot.sh [--check]
set -eu
cd "$(dirname "$0")/.."
pot=po/techdiv.pot
[ "${1:-}" = "--check" ] && pot=$(mktemp)
files=$(mktemp)
find src -name '*.c' -o -name '*.h' | sort > "$files"
xgettext --from-code=UTF-8 --language=C --add-comments=TRANSLATORS: \
  --keyword=_ --keyword=N_ --keyword=T:2 --keyword=TC:2c,3 \
  --keyword=i18n_gettext:2 --keyword=i18n_pgettext:2c,3 --keyword=i18n_ngettext:2,3 \
  --package-name=techdiv --msgid-bugs-address= -f "$files" -o "$pot" 2>/dev/null
rm -f "$files"
status=0
for l in $(cat po/LINGUAS); do
  missing=$(msgcmp --use-untranslated po/$l.po "$pot" 2>&1 | grep -c 'this message is used but not defined' || true)
  if [ "$missing" -gt 0 ]; then
    echo "po/$l.po: $missing message(s) missing"
    status=1
  fi
done
[ "${1:-}" = "--check" ] && { rm -f "$pot"; exit $status; }
exit 0
