#!/bin/sh
# After merging branches (po files merge as a union), folds duplicate
# entries into one and checks every catalogue compiles.
set -eu
cd "$(dirname "$0")/.."
for l in $(cat po/LINGUAS); do
  msguniq --use-first --no-wrap -o "po/$l.po.tmp" "po/$l.po"
  mv "po/$l.po.tmp" "po/$l.po"
  msgfmt --check -o /dev/null "po/$l.po"
done
