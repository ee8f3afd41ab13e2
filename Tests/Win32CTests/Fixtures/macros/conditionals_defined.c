#include <windows.h>
#include <stdio.h>

#define FEATURE_A 1
#define LEVEL 3

int main(void)
{
#if defined(FEATURE_A) && !defined(FEATURE_B)
    printf("A only\n");
#elif defined FEATURE_B
    printf("B\n");
#else
    printf("neither\n");
#endif
#if LEVEL > 5
    printf("high\n");
#elif LEVEL > 2
    printf("medium\n");
#else
    printf("low\n");
#endif
#if true && !false
    printf("C23 true\n");
#endif
    printf("%s:%d\n", __FILE__, __LINE__);
    return 0;
}
// expect: A only
// expect: medium
// expect: C23 true
// expect: program.c:26
