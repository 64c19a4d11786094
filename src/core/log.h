/* Structured log lines (logfmt) on standard error. Only handlers, servers
 * and commands log; library code returns errors instead. */
#ifndef TD_CORE_LOG_H
#define TD_CORE_LOG_H

typedef enum LogLevel { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR, LOG_LEVEL_MAX } LogLevel;

void log_set_level(LogLevel level);
/* Writes `ts=... level=... msg="..." key=value...`; fmt produces the
 * key=value pairs (values with spaces must be quoted by the caller via
 * log_quote). One write(2) per line, so lines never interleave. */
void log_kv(LogLevel level, const char *msg, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Copies s into out (size cap) as a logfmt-quoted value with control
 * characters escaped; returns out. */
const char *log_quote(const char *s, char *out, unsigned cap);

#define log_info(msg, ...) log_kv(LOG_INFO, msg, __VA_ARGS__)
#define log_warn(msg, ...) log_kv(LOG_WARN, msg, __VA_ARGS__)
#define log_error(msg, ...) log_kv(LOG_ERROR, msg, __VA_ARGS__)

#endif
