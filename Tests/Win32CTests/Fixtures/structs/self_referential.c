#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct NODE {
    int value;
    struct NODE *next;
} NODE;

int main(void) {
    NODE *head = NULL;
    for (int i = 1; i <= 4; i++) {
        NODE *n = (NODE *)malloc(sizeof(NODE));
        n->value = i * 10;
        n->next = head;
        head = n;
    }
    for (NODE *n = head; n != NULL; n = n->next) printf("%d\n", n->value);
    while (head) {
        NODE *next = head->next;
        free(head);
        head = next;
    }
    printf("%d\n", (int)sizeof(NODE));
    return 0;
}
// expect: 40
// expect: 30
// expect: 20
// expect: 10
// expect: 16
