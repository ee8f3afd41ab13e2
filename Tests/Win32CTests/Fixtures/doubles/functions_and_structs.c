#include <windows.h>
#include <stdio.h>

typedef struct {
    DWORD count;
    double total_ms;
} STATS;

double mean(const STATS *s) {
    return s->count ? s->total_ms / s->count : 0.0;
}

double scale(double v, int factor) {
    return v * factor;
}

int main(void) {
    STATS s = {0};
    double samples[4] = {1.5, 2.25, 3.0, 0.75};
    for (int i = 0; i < 4; i++) {
        s.count++;
        s.total_ms += samples[i];
    }
    printf("%.4f\n", mean(&s));
    printf("%.1f\n", scale(samples[1], 4));
    printf("%d\n", (int)sizeof(STATS));
    return 0;
}
// expect: 1.8750
// expect: 9.0
// expect: 16
