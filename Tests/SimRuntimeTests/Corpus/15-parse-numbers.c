/* Textbook C: parse a list with strtol, check it with ctype, sort it, format a report into a buffer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

static int __cdecl Ascending(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? -1 : x > y;
}

int main(void)
{
    const char *input = "  42, -17, 0x1F, 300,7 ,oops";
    long values[16];
    int count = 0;
    const char *p = input;
    while (*p && count < 16) {
        char *end;
        long v = strtol(p, &end, 0);
        if (end == p) {
            while (*p && !isspace((unsigned char)*p) && *p != ',') p++;
            printf("skipped a bad entry before offset %d\n", (int)(p - input));
        } else {
            values[count++] = v;
            p = end;
        }
        while (*p == ',' || isspace((unsigned char)*p)) p++;
    }
    qsort(values, count, sizeof(long), Ascending);
    char report[128] = "";
    for (int i = 0; i < count; i++) {
        char item[16];
        snprintf(item, sizeof(item), i ? ",%ld" : "%ld", values[i]);
        strcat(report, item);
    }
    printf("%d values: %s\n", count, report);
    printf("min %ld max %ld abs(min) %ld\n", values[0], values[count - 1], labs(values[0]));
    char upper[32];
    strcpy(upper, "overlapped");
    for (char *c = upper; *c; c++) *c = (char)toupper(*c);
    printf("%s %zu\n", upper, strlen(upper));
    return 0;
}
