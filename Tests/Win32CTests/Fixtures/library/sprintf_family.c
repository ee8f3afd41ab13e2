#include <windows.h>
#include <stdio.h>

int main(void)
{
    char buf[64];
    char small[8];
    int n = sprintf(buf, "%s-%04d-%lX", "job", 42, 0xBEEFUL);
    printf("[%s] %d\n", buf, n);
    n = snprintf(small, sizeof(small), "%d items", 12345);
    printf("[%s] %d\n", small, n);
    memset(small, '#', sizeof(small));
    n = _snprintf(small, sizeof(small), "%s", "0123456789");
    printf("%d %c %c\n", n, small[0], small[7]);
    n = sprintf_s(buf, sizeof(buf), "%I64u bytes", 1ULL << 40);
    printf("[%s] %d\n", buf, n);
    n = _snprintf_s(small, sizeof(small), _TRUNCATE, "%s", "truncated text");
    printf("[%s] %d\n", small, n);
    fprintf(stdout, "to stdout %d\n", 1);
    fprintf(stderr, "to stderr %d\n", 2);
    fputs("fputs line\n", stdout);
    fputc('!', stdout);
    putchar('\n');
    puts("puts line");
    fflush(stdout);
    return 0;
}
// expect: [job-0042-BEEF] 13
// expect: [12345 i] 11
// expect: -1 0 7
// expect: [1099511627776 bytes] 19
// expect: [truncat] -1
// expect: to stdout 1
// expect: fputs line
// expect: !
// expect: puts line
