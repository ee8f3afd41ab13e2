#include <stdio.h>

int main(void) {
    printf("[%.3s]\n", "abcdef");
    printf("[%.5d]\n", 42);
    printf("[%8.3d]\n", 7);
    printf("[%-6.2s]\n", "xyz");
    printf("[%.0s]\n", "gone");
    return 0;
}
// expect: [abc]
// expect: [00042]
// expect: [     007]
// expect: [xy    ]
// expect: []
