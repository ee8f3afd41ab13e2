#ifndef OVERLAPPED_CNCURSES_SHIM_H
#define OVERLAPPED_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides the wide API.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
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
#endif
