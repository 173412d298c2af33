#ifndef ANNOTATED_H
#define ANNOTATED_H

static __always_inline int checked(int len)
{
	int ok = 1;

	// inxpect:region length_check
	if (len < 14)
		ok = 0;
	return ok;
}

#endif
