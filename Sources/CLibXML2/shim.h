#ifndef VOC_CLIBXML2_SHIM_H
#define VOC_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU; its headers would then include ICU's, which clash with Foundation's
   own copy of ICU. Nothing here needs ICU types, so keep them out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

/* xmlFree is a global function pointer: Swift 6 cannot call it directly (shared mutable state). */
static inline void voc_xml_free(void *pointer) {
    xmlFree(pointer);
}

/* An external-entity loader that refuses everything: no file, no network, ever. */
static inline xmlParserInputPtr voc_refuse_external_entity(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

/* Installs the refusing loader process-wide (idempotent). */
static inline void voc_install_entity_guard(void) {
    xmlSetExternalEntityLoader(voc_refuse_external_entity);
}

/* Silences libxml2's default error printing to stderr; errors are read with xmlGetLastError instead. */
static void voc_ignore_error(void *context, const char *message, ...) {
    (void)context; (void)message;
}

static inline void voc_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, voc_ignore_error);
}

#endif
