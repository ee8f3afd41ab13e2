#ifndef OVERLAPPED_CNCURSES_SHIM_H
#define OVERLAPPED_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides the wide API.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Invisible through Swift's Glibc module.
int wcwidth(wchar_t c);
int wcswidth(const wchar_t *s, size_t n);

// Macros and mutable globals Swift cannot import.
static inline WINDOW *ov_stdscr(void) { return stdscr; }
static inline int ov_lines(void) { return LINES; }
static inline int ov_cols(void) { return COLS; }
static inline int ov_colors(void) { return COLORS; }
static inline int ov_color_pair(int n) { return COLOR_PAIR(n); }
static inline int ov_key_code_yes(void) { return KEY_CODE_YES; }
static const attr_t ov_a_normal = A_NORMAL;
static const attr_t ov_a_bold = A_BOLD;
static const attr_t ov_a_dim = A_DIM;
static const attr_t ov_a_reverse = A_REVERSE;
static const attr_t ov_a_underline = A_UNDERLINE;
static const attr_t ov_a_italic = A_ITALIC;
static const mmask_t ov_all_mouse_events = ALL_MOUSE_EVENTS;
static const mmask_t ov_button1_pressed = BUTTON1_PRESSED;
static const mmask_t ov_button1_clicked = BUTTON1_CLICKED;
static const mmask_t ov_button4_pressed = BUTTON4_PRESSED;
static const mmask_t ov_button5_pressed = BUTTON5_PRESSED;
static inline void ov_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }
// newterm on the process's own streams; NULL (not an exit) when TERM is unusable.
static inline SCREEN *ov_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline int ov_color_pairs(void) { return COLOR_PAIRS; }
static inline int ov_key_f(int n) { return KEY_F(n); }
static const mmask_t ov_button1_released = BUTTON1_RELEASED;
static inline int ov_getmouse(int *x, int *y, mmask_t *bstate) {
    MEVENT ev;
    if (getmouse(&ev) != OK) return ERR;
    *x = ev.x; *y = ev.y; *bstate = ev.bstate;
    return OK;
}
static inline int ov_set_attributes(attr_t attrs, short pair) { return wattr_set(stdscr, attrs, pair, NULL); }

// Signals. The handlers live here, in C, because a signal handler may only
// touch a volatile sig_atomic_t; the app loop polls the flag.
// (Function-local statics: Swift emits inline functions, not header globals.)
static inline volatile sig_atomic_t *ov_pending_signal(void) { static volatile sig_atomic_t flag = 0; return &flag; }
static inline void ov_on_quit_signal(int sig) { *ov_pending_signal() = sig; }
static inline void ov_install_quit_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = ov_on_quit_signal;
    sigemptyset(&sa.sa_mask);
    // No SA_RESTART: a blocking get_wch returns so the loop sees the flag.
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}
static inline int ov_take_pending_signal(void) { int s = *ov_pending_signal(); *ov_pending_signal() = 0; return s; }

// A crash (a Swift trap arrives as SIGILL or SIGTRAP) must not leave the
// terminal in curses mode: restore it, let the previous handler (e.g. the
// Swift backtracer) report, then die by the signal's default action even if
// that handler returned.
static inline struct sigaction *ov_previous_crash_handlers(void) { static struct sigaction saved[32]; return saved; }
static inline void ov_on_crash_signal(int sig, siginfo_t *info, void *context) {
    endwin();
    if (sig > 0 && sig < 32) {
        struct sigaction previous = ov_previous_crash_handlers()[sig];
        sigaction(sig, &previous, NULL);
        if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction) {
            previous.sa_sigaction(sig, info, context);
        } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
            previous.sa_handler(sig);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}
static inline void ov_install_crash_handlers(void) {
    int sigs[] = { SIGILL, SIGTRAP, SIGSEGV, SIGABRT, SIGBUS, SIGFPE };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = ov_on_crash_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_SIGINFO;
        sigaction(sigs[i], &sa, &ov_previous_crash_handlers()[sigs[i]]);
    }
}
static inline void ov_restore_crash_handlers(void) {
    int sigs[] = { SIGILL, SIGTRAP, SIGSEGV, SIGABRT, SIGBUS, SIGFPE };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &ov_previous_crash_handlers()[sigs[i]], NULL);
}
#endif
