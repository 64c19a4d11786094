#include "domain/iap/date.h"

#include <string.h>

static bool digits(const char *s, int n) {
        for (int i = 0; i < n; i++)
                if (s[i] < '0' || s[i] > '9')
                        return false;
        return true;
}

static int num(const char *s, int n) {
        int v = 0;
        for (int i = 0; i < n; i++)
                v = v * 10 + (s[i] - '0');
        return v;
}

bool iap_date_valid(const char *s) {
        static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) || !digits(s + 5, 2) ||
            !digits(s + 8, 2))
                return false;
        int y = num(s, 4), m = num(s + 5, 2), d = num(s + 8, 2);
        if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
                return false;
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        return !(m == 2 && d == 29 && !leap);
}

bool iap_period_valid(const char *s) {
        if (!s)
                return false;
        size_t n = strlen(s);
        if (n < 4 || !digits(s, 4) || num(s, 4) < 1900 || num(s, 4) > 2999)
                return false;
        if (n == 4)
                return true;
        if (n == 6 && s[4] == 'Q')
                return s[5] >= '1' && s[5] <= '4';
        if (n == 7 && s[4] == '-' && digits(s + 5, 2))
                return num(s + 5, 2) >= 1 && num(s + 5, 2) <= 12;
        return false;
}
