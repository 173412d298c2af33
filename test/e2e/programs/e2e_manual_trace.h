/* SPDX-License-Identifier: GPL-2.0 */
/*
 * For programs with hand-written START_TRACE/END_TRACE. Such a source builds
 * only through inxpect-instrument (START_TRACE needs the id it adds), but the
 * e2e test also needs the program as a user would ship it without inxpect:
 * that build defines E2E_UNINSTRUMENTED, and the traces compile to nothing.
 * The rewriter parses the source without it, so it sees inxpect.h's macros.
 */
#ifndef E2E_MANUAL_TRACE_H
#define E2E_MANUAL_TRACE_H

#ifdef E2E_UNINSTRUMENTED
#define START_TRACE(name)
#define END_TRACE(name)
#else
#include "inxpect.h"
#endif

#endif
