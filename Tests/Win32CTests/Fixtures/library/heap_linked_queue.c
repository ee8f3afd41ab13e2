#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct ITEM {
    struct ITEM *next;
    DWORD value;
} ITEM;

typedef struct { ITEM *head; ITEM *tail; int count; } QUEUE;

void push(QUEUE *q, DWORD v) {
    ITEM *it = (ITEM *)calloc(1, sizeof(ITEM));
    it->value = v;
    if (q->tail) q->tail->next = it; else q->head = it;
    q->tail = it;
    q->count++;
}

DWORD pop(QUEUE *q) {
    ITEM *it = q->head;
    DWORD v = it->value;
    q->head = it->next;
    if (!q->head) q->tail = NULL;
    q->count--;
    free(it);
    return v;
}

int main(void) {
    QUEUE q = {0};
    for (DWORD i = 1; i <= 5; i++) push(&q, i * i);
    while (q.count > 2) printf("%lu\n", pop(&q));
    printf("left %d\n", q.count);
    return 0;
}
// expect: 1
// expect: 4
// expect: 9
// expect: left 2
