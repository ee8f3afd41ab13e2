#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>

int main(void)
{
    char *end;
    printf("%d %ld %d\n", atoi("  -123abc"), atol("4096"), atoi("x"));
    long v = strtol("0x1F rest", &end, 0);
    printf("%ld [%s]\n", v, end);
    printf("%ld %ld\n", strtol("777", NULL, 8), strtol("99999999999", NULL, 10));
    printf("%lu %lu\n", strtoul("4294967295", NULL, 10), strtoul("-1", NULL, 10));
    printf("%lld\n", _atoi64("9000000000"));
    v = strtol("nothing", &end, 10);
    printf("%ld %d\n", v, *end == 'n');
    printf("%d %d %d %d\n", isdigit('7') != 0, isalpha('7') != 0, isspace('\t') != 0, isxdigit('f') != 0);
    printf("%c%c %d\n", toupper('a'), tolower('Q'), ispunct('!') != 0);
    printf("%d %ld %lld\n", abs(-5), labs(-70000L), llabs(-5000000000LL));
    return 0;
}
// expect: -123 4096 0
// expect: 31 [ rest]
// expect: 511 2147483647
// expect: 4294967295 4294967295
// expect: 9000000000
// expect: 0 1
// expect: 1 0 1 1
// expect: Aq 1
// expect: 5 70000 5000000000
