#include "core/paths.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "config.h"

static const char *override;

void paths_set_datadir(const char *s) { override = s; }

const char *paths_datadir(void) {
        if (override)
                return override;
        const char *env = getenv("TECHDIV_DATA");
        if (env && *env)
                return env;
        struct stat st;
        if (stat(TECHDIV_SOURCE_DATADIR, &st) == 0 && S_ISDIR(st.st_mode))
                return TECHDIV_SOURCE_DATADIR;
        return TECHDIV_DATADIR;
}
