/* techdiv mail: delivers the outbox. With TECHDIV_SMTP_URL (smtp:// or
 * smtps://) and TECHDIV_MAIL_FROM it sends by SMTP (libcurl); without, it
 * prints each pending message to standard output and marks it delivered
 * (development and tests). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "cli/cli.h"
#include "domain/accounts/service.h"

static void usage(FILE *out) {
        fprintf(out, "%s\n\n", _("Usage: techdiv mail [--db URL] [--keys-dir DIR]"));
        fprintf(out, "%s\n", _("Delivers pending mail by SMTP when TECHDIV_SMTP_URL and TECHDIV_MAIL_FROM are set; otherwise prints it."));
}

typedef struct Upload {
        const char *data;
        size_t len, off;
} Upload;

static size_t feed(char *buf, size_t size, size_t n, void *ud) {
        Upload *u = ud;
        size_t left = u->len - u->off, want = size * n;
        size_t k = left < want ? left : want;
        memcpy(buf, u->data + u->off, k);
        u->off += k;
        return k;
}

static int has_crlf(const char *s) { return strpbrk(s, "\r\n") != NULL; }

static int smtp_send(const char *url, const char *from, const char *to, const char *subject, const char *body,
                     Arena *a) {
        if (has_crlf(from) || has_crlf(to) || has_crlf(subject))
                return -EINVAL; /* no header injection */
        char date[64];
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
        const char *msg = arena_printf(a,
                                       "Date: %s\r\nFrom: <%s>\r\nTo: <%s>\r\nSubject: %s\r\nMIME-Version: 1.0\r\n"
                                       "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n%s\r\n",
                                       date, from, to, subject, body);
        CURL *curl = curl_easy_init();
        if (!msg || !curl)
                return -ENOMEM;
        Upload up = { msg, strlen(msg), 0 };
        struct curl_slist *rcpt = curl_slist_append(NULL, to);
        curl_easy_setopt(curl, CURLOPT_URL, url);
        curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from);
        curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
        curl_easy_setopt(curl, CURLOPT_READFUNCTION, feed);
        curl_easy_setopt(curl, CURLOPT_READDATA, &up);
        curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(curl, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
        CURLcode rc = curl_easy_perform(curl);
        curl_slist_free_all(rcpt);
        curl_easy_cleanup(curl);
        return rc == CURLE_OK ? 0 : -EIO;
}

static int deliver(Store *s, Vault *v, const char *url, const char *from) {
        Arena *a = arena_new();
        OutboxRow *m;
        size_t n = 0;
        int r = a ? store_outbox_pending(s, a, &m, &n) : -ENOMEM;
        size_t sent = 0;
        for (size_t i = 0; r == 0 && i < n; i++) {
                const char *to, *subject, *body;
                r = vault_decrypt(v, a, m[i].rcpt_enc, &to);
                if (r == 0)
                        r = vault_decrypt(v, a, m[i].subject_enc, &subject);
                if (r == 0)
                        r = vault_decrypt(v, a, m[i].body_enc, &body);
                if (r == 0 && url)
                        r = smtp_send(url, from, to, subject, body, a);
                else if (r == 0)
                        printf("To: %s\nSubject: %s\n\n%s\n.\n", to, subject, body);
                if (r == 0 && (r = store_outbox_mark_sent(s, m[i].id, acct_now())) == 0)
                        sent++;
        }
        arena_free(a);
        fprintf(stderr, i18n_ngettext(cli_lang(), "%zu message delivered.\n", "%zu messages delivered.\n", sent), sent);
        return r;
}

int cmd_mail(int argc, char **argv) {
        static const struct option opts[] = {
                { "db", required_argument, NULL, 'd' }, { "keys-dir", required_argument, NULL, 'K' },
                { "help", no_argument, NULL, 'h' },     { 0 },
        };
        const char *db = NULL, *keys = NULL;
        int c;
        optind = 1;
        while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
                switch (c) {
                case 'd': db = optarg; break;
                case 'K': keys = optarg; break;
                case 'h': usage(stdout); return CLI_OK;
                default: usage(stderr); return CLI_USAGE;
                }
        }
        const char *url = getenv("TECHDIV_SMTP_URL"), *from = getenv("TECHDIV_MAIL_FROM");
        if (optind != argc || (url && *url && !(from && *from))) {
                usage(stderr);
                return CLI_USAGE;
        }
        Store *s;
        Vault *v;
        if (cli_open_store_vault(db, keys, &s, &v) < 0)
                return CLI_FAIL;
        curl_global_init(CURL_GLOBAL_DEFAULT);
        int r = deliver(s, v, url && *url ? url : NULL, from);
        curl_global_cleanup();
        if (r < 0)
                fprintf(stderr, "%s\n", _("techdiv: some mail could not be delivered; it stays in the outbox"));
        cli_close_store_vault(s, v);
        return r < 0 ? CLI_FAIL : CLI_OK;
}
