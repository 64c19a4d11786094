/* Calendar dates as "YYYY-MM-DD" strings and periods such as "2025Q3". */
#ifndef TD_DOMAIN_IAP_DATE_H
#define TD_DOMAIN_IAP_DATE_H

#include <stdbool.h>

/* true for a real Gregorian date "YYYY-MM-DD" with 1900 <= YYYY <= 2999. */
bool iap_date_valid(const char *s);
/* true for "YYYY", "YYYYQn" (n 1..4) or "YYYY-MM". */
bool iap_period_valid(const char *s);

#endif
