/* The one gate through which another person's personal data is decrypted:
 * it applies perm_may_decrypt (admin never sees special-category data),
 * and audits every view of identifying data for the data subject. */
#include <errno.h>

#include "domain/accounts/service.h"

int acct_reveal(const AcctCtx *x, Arena *a, const Principal *viewer, int64_t subject_id, DataClass cls,
                int consented, const char *ciphertext, const char **ret_plain) {
        if (!viewer || !ciphertext)
                return -EINVAL;
        int own = viewer->user_id != 0 && viewer->user_id == subject_id;
        if (!own && !perm_may_decrypt(principal_roles(viewer), cls, consented))
                return -EACCES;
        const char *plain;
        int r = vault_decrypt(x->vault, a, ciphertext, &plain);
        if (r < 0)
                return r;
        if (!own) {
                r = acct_audit(x, viewer->user_id, subject_id, cls == DATA_SPECIAL ? "view.special" : "view.identity", "");
                if (r < 0)
                        return r; /* no view without its audit entry */
        }
        *ret_plain = plain;
        return 0;
}

int acct_consent_required(const AcctCtx *x, int64_t user_id, const char *purpose) {
        int active = 0;
        int r = store_consent_active(x->store, user_id, purpose, &active);
        if (r < 0)
                return r;
        return active ? 0 : -EACCES;
}
