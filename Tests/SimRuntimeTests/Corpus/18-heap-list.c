/* A singly linked list on the process heap, with bool flags and compound literals. */
#include <windows.h>
#include <stdio.h>
#include <stdbool.h>

typedef struct _NODE {
    struct _NODE *next;
    DWORD id;
    bool done;
} NODE;

static NODE *Push(HANDLE heap, NODE *head, NODE value)
{
    NODE *n = (NODE *)HeapAlloc(heap, 0, sizeof(NODE));
    if (n == NULL) return head;
    *n = value;
    n->next = head;
    return n;
}

int main(void)
{
    HANDLE heap = GetProcessHeap();
    NODE *list = NULL;
    for (DWORD i = 1; i <= 5; i++) list = Push(heap, list, (NODE){ .id = i * 10, .done = i % 2 == 0 });
    int finished = 0;
    for (NODE *n = list; n; n = n->next) {
        printf("%lu%s ", n->id, n->done ? "*" : "");
        finished += n->done;
    }
    printf("\n%d done\n", finished);
    int freed = 0;
    while (list) {
        NODE *next = list->next;
        freed += HeapFree(heap, 0, list) ? 1 : 0;
        list = next;
    }
    printf("freed %d nodes\n", freed);
    return 0;
}
