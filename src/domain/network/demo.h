/* The demo network: the eight partner cities and the 2024 calendar from
 * the network's own reports (data/demo/network.json). */
#ifndef TD_DOMAIN_NETWORK_DEMO_H
#define TD_DOMAIN_NETWORK_DEMO_H

#include "store/store.h"

#define DEMO_FILE_MAX ((size_t)4 << 20)

/* Loads the file at path into the store in one transaction (idempotent:
 * records are upserted by slug/uid). On failure nothing is stored and, when
 * ret_error is not NULL, *ret_error points to a static description. */
int network_load_demo(Store *s, const char *path, int *ret_cities, int *ret_events, const char **ret_error);

#endif
