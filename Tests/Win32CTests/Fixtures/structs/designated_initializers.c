#include <windows.h>
#include <stdio.h>

typedef struct _JOB {
    const char *name;
    DWORD size;
    int priority;
    int slots[4];
} JOB;

static const char *names[] = { [2] = "two", [0] = "zero" };

int main(void)
{
    JOB job = { .size = 4096, .name = "copy", .slots = { [3] = 9, [1] = 5 } };
    int squares[6] = { [1] = 1, [2] = 4, [5] = 25 };
    OVERLAPPED ov = { .Offset = 100, .OffsetHigh = 1 };
    printf("%s %lu %d\n", job.name, job.size, job.priority);
    printf("%d %d %d %d\n", job.slots[0], job.slots[1], job.slots[2], job.slots[3]);
    printf("%d %d %d %d\n", squares[1], squares[2], squares[3], squares[5]);
    printf("%lu %lu\n", ov.Offset, ov.OffsetHigh);
    printf("%s %d %s\n", names[0], names[1] == NULL, names[2]);
    return 0;
}
// expect: copy 4096 0
// expect: 0 5 0 9
// expect: 1 4 0 25
// expect: 100 1
// expect: zero 1 two
