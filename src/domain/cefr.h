/* Common European Framework of Reference for Languages levels, shared by
 * job postings and candidate profiles (one enum, so the two can be
 * compared directly). */
#ifndef TD_DOMAIN_CEFR_H
#define TD_DOMAIN_CEFR_H

typedef enum CefrLevel { CEFR_A1, CEFR_A2, CEFR_B1, CEFR_B2, CEFR_C1, CEFR_C2, CEFR_MAX } CefrLevel;

#endif
