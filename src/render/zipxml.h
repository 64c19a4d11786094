/* Internal helpers of the DOCX/ODT/XLSX writers: an in-memory ZIP archive
 * (libzip) and XML parts written through libxml2's xmlTextWriter, which
 * escapes every text and attribute. Not part of the public render API. */
#ifndef TD_RENDER_ZIPXML_H
#define TD_RENDER_ZIPXML_H

#include <libxml/xmlwriter.h>
#include <stdbool.h>

#include "core/strbuf.h"

typedef struct ZipOut ZipOut;

/* A new empty archive, owned by the caller (zipout_finish or _free). */
ZipOut *zipout_new(void);
/* Adds a part (data copied). store: no compression (ODF's mimetype). */
int zipout_add(ZipOut *z, const char *name, const void *data, size_t len, bool store);
/* Closes the archive, appends its bytes to out and frees z. */
int zipout_finish(ZipOut *z, StrBuf *out);
void zipout_free(ZipOut *z);

/* An XML part being written: xw is the writer; xml_part_end() adds the
 * finished document to z under name and frees the writer. */
typedef struct XmlPart {
        xmlTextWriterPtr xw;
        xmlBufferPtr buf;
        int err;
} XmlPart;

int xml_part_begin(XmlPart *x);
int xml_part_end(XmlPart *x, ZipOut *z, const char *name);

/* Shorthands that record the first error in x->err. */
void xml_start(XmlPart *x, const char *el);
void xml_end(XmlPart *x);
void xml_attr(XmlPart *x, const char *name, const char *value);
void xml_text(XmlPart *x, const char *text);
/* Element with only text content. */
void xml_elem(XmlPart *x, const char *el, const char *text);
/* Text where each "\n" becomes an empty element br_el (w:br, text:line-break)
 * and, when run_el is given, each piece is wrapped in it (w:t). */
void xml_text_lines(XmlPart *x, const char *text, const char *run_el, const char *br_el);

#endif
