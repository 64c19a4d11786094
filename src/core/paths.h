/* Where the program finds its data files (word lists, rubric definitions,
 * ESCO subset). Order: $TECHDIV_DATA, then the source tree's data/ when the
 * binary runs from a build directory, then the installed datadir. */
#ifndef TD_CORE_PATHS_H
#define TD_CORE_PATHS_H

/* Returns the data directory (static storage, no trailing slash). */
const char *paths_datadir(void);
/* Overrides the data directory (e.g. from --data-dir); s must outlive use. */
void paths_set_datadir(const char *s);

#endif
