/* Shared inside the myprofile module. */
#ifndef TD_DOMAIN_MYPROFILE_INTERNAL_H
#define TD_DOMAIN_MYPROFILE_INTERNAL_H

#include <stdlib.h>

#include "domain/myprofile/myprofile.h"

/* Writes the profile as the text employers would see (before the
 * anonymiser runs) into out. */
void myp_profile_text(const MyProfile *mp, const EscoIndex *esco, Lang lang, StrBuf *out);

#endif
