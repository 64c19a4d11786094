#!/usr/bin/env python3
"""Embeds files in the binary as C byte arrays.

usage: embed.py OUT.c SYMBOL NAME=FILE...
       embed.py OUT.c SYMBOL --inputs FILE...   (names are the base names, sorted)
Writes `const EmbeddedFile SYMBOL[]` ({name, data, len}), terminated by a
zero entry, so the program needs no files beside it to run."""
import sys


def main():
    out, symbol, items = sys.argv[1], sys.argv[2], sys.argv[3:]
    if items and items[0] == '--inputs':
        import os
        items = sorted(f'{os.path.basename(p)}={p}' for p in items[1:])
    parts = ['#include <stddef.h>\n#include "core/embed.h"\n']
    for i, item in enumerate(items):
        name, path = item.split('=', 1)
        data = open(path, 'rb').read()
        body = ','.join(str(b) for b in data)
        parts.append(f'static const unsigned char d{i}[] = {{{body}{"," if data else ""}0}};\n')
    parts.append(f'const EmbeddedFile {symbol}[] = {{\n')
    for i, item in enumerate(items):
        name, path = item.split('=', 1)
        size = len(open(path, 'rb').read())
        parts.append(f'  {{"{name}", d{i}, {size}}},\n')
    parts.append('  {NULL, NULL, 0}\n};\n')
    with open(out, 'w') as f:
        f.write(''.join(parts))


if __name__ == '__main__':
    main()
