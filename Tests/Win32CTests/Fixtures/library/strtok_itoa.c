#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char line[] = "  read,write;;cancel ,wait  ";
    int count = 0;
    for (char *word = strtok(line, " ,;"); word != NULL; word = strtok(NULL, " ,;"))
        printf("%d:[%s]\n", ++count, word);
    char pairs[] = "a=1&b=22";
    char *outer = NULL, *inner = NULL;
    for (char *pair = strtok_s(pairs, "&", &outer); pair; pair = strtok_s(NULL, "&", &outer)) {
        char *key = strtok_s(pair, "=", &inner);
        char *value = strtok_s(NULL, "=", &inner);
        printf("%s -> %s\n", key, value);
    }
    char buf[72];
    printf("%s ", _itoa(-255, buf, 10));
    printf("%s ", _itoa(255, buf, 16));
    printf("%s ", _itoa(-1, buf, 16));
    printf("%s ", _ultoa(5, buf, 2));
    printf("%s\n", _i64toa(-9000000000LL, buf, 10));
    return 0;
}
// expect: 1:[read]
// expect: 2:[write]
// expect: 3:[cancel]
// expect: 4:[wait]
// expect: a -> 1
// expect: b -> 22
// expect: -255 ff ffffffff 101 -9000000000
