/* Files embedded in the binary at build time (scripts/embed.py). */
#ifndef TD_CORE_EMBED_H
#define TD_CORE_EMBED_H

#include <stddef.h>

typedef struct EmbeddedFile {
        const char *name;
        const unsigned char *data; /* static storage, NUL-terminated */
        size_t len;
} EmbeddedFile;

#endif
