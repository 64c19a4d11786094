#include "core/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static LogLevel log_level = LOG_INFO;
static const char *const level_names[LOG_LEVEL_MAX] = { "debug", "info", "warn", "error" };

void log_set_level(LogLevel level) { log_level = level; }

const char *log_quote(const char *s, char *out, unsigned cap) {
        unsigned o = 0;
        if (cap < 3)
                return "";
        out[o++] = '"';
        for (; s && *s && o + 6 < cap; s++) {
                unsigned char c = (unsigned char)*s;
                if (c == '"' || c == '\\') {
                        out[o++] = '\\';
                        out[o++] = (char)c;
                } else if (c < 0x20 || c == 0x7F) {
                        o += (unsigned)snprintf(out + o, cap - o, "\\x%02x", c);
                } else {
                        out[o++] = (char)c;
                }
        }
        out[o++] = '"';
        out[o] = '\0';
        return out;
}

void log_kv(LogLevel level, const char *msg, const char *fmt, ...) {
        if (level < log_level || level >= LOG_LEVEL_MAX)
                return;
        char line[2048], q[512];
        struct timespec ts;
        struct tm tm;
        clock_gettime(CLOCK_REALTIME, &ts);
        gmtime_r(&ts.tv_sec, &tm);
        int n = snprintf(line, sizeof(line), "ts=%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ level=%s msg=%s ",
                         tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                         ts.tv_nsec / 1000000, level_names[level], log_quote(msg, q, sizeof(q)));
        if (n < 0 || (size_t)n >= sizeof(line) - 2)
                n = (int)sizeof(line) - 2;
        va_list ap;
        va_start(ap, fmt);
        int m = vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
        va_end(ap);
        if (m > 0)
                n += m < (int)(sizeof(line) - (size_t)n - 1) ? m : (int)(sizeof(line) - (size_t)n - 2);
        line[n++] = '\n';
        ssize_t w = write(STDERR_FILENO, line, (size_t)n);
        (void)w;
}
