#include "resdex.h"
int
main(void)
{
    return 0;
}
