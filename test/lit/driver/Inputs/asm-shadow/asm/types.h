/* A program's own asm/types.h, in a directory it gives with -I: found before
 * the multiarch directory the defaults add. */
#include_next <asm/types.h>
#define USER_ASM_TYPES
