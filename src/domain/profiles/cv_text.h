/* Plain text of an uploaded CV (PDF, DOCX, ODT), for skill proposals
 * (profile_propose_skills) and for the anonymiser. The format is found
 * from the bytes, never from a file name or a client's MIME type. */
#ifndef TD_DOMAIN_PROFILES_CV_TEXT_H
#define TD_DOMAIN_PROFILES_CV_TEXT_H

#include <stddef.h>

#include "core/strbuf.h"

#define CV_MAX_UPLOAD_BYTES (10 * 1024 * 1024)  /* the file as uploaded */
#define CV_MAX_XML_BYTES (20 * 1024 * 1024)     /* document.xml / content.xml once inflated */
#define CV_MAX_PDF_PAGES 50
#define CV_MAX_TEXT_BYTES (1024 * 1024)         /* extracted text */

typedef enum CvFormat { CV_FORMAT_PDF, CV_FORMAT_DOCX, CV_FORMAT_ODT, CV_FORMAT_MAX } CvFormat;

/* Recognises a PDF ("%PDF-"), or a ZIP holding word/document.xml (DOCX)
 * or an OpenDocument text (ODT). Returns 0 and *ret, or -EINVAL. */
int cv_detect(const void *data, size_t len, CvFormat *ret);

/* Appends the CV's text (valid UTF-8, paragraphs on their own lines) to
 * out. Embedded files, macros, images and links are never opened.
 * Returns 0, -EINVAL (not a CV format we read, damaged, encrypted PDF),
 * -E2BIG (over a CV_MAX_* limit: upload, inflated XML, pages), -ENOMEM.
 * On error out is left as it was. *ret_msgid (may be NULL) gets an N_()
 * message on error. */
int cv_text_extract(const void *data, size_t len, StrBuf *out, const char **ret_msgid);

#endif
