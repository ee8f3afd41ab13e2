#include <windows.h>
#include <stdio.h>

int main(void) {
    char name[] = "file.dat";
    printf("%s|%c|%%|%d%%\n", name, name[0], 50);
    printf("[%s]\n", "");
    printf("%c%c%c\n", 'O', 'K', '!');
    LPSTR s = name;
    printf("%s\n", s + 5);
    return 0;
}
// expect: file.dat|f|%|50%
// expect: []
// expect: OK!
// expect: dat
