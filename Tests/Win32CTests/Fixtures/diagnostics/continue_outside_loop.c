#include <stdio.h>

int main(void) {
    switch (1) {
    case 1:
        continue;
    }
    return 0;
}
// error 6:9: continue
