// The wide-character ncurses API for Swift. The wide functions (cchar_t, wget_wch,
// setcchar) are declared only with _XOPEN_SOURCE_EXTENDED; macros that Swift cannot
// import (attribute bits, KEY_F, stdscr on some builds) get static inline wrappers.
#ifndef ETJANST_CNCURSESW_SHIM_H
#define ETJANST_CNCURSESW_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline attr_t etj_a_bold(void) { return A_BOLD; }
static inline attr_t etj_a_reverse(void) { return A_REVERSE; }
static inline attr_t etj_a_underline(void) { return A_UNDERLINE; }
static inline attr_t etj_a_dim(void) { return A_DIM; }
static inline attr_t etj_a_normal(void) { return A_NORMAL; }
static inline int etj_key_f(int n) { return KEY_F(n); }
// Whether the key map of the current screen has a sequence for function key n, and
// adding one (ncurses extensions: has_key, key_defined, define_key).
static inline int etj_has_function_key(int n) { return has_key(KEY_F(n)); }
static inline void etj_define_function_key(const char *sequence, int n) {
  if (key_defined(sequence) == 0) define_key(sequence, KEY_F(n));
}
// A key code of our own for a sequence (bracketed paste's start and end).
static inline void etj_define_key(const char *sequence, int code) { define_key(sequence, code); }
static inline WINDOW *etj_stdscr(void) { return stdscr; }
// tigetstr answers (char *)-1 for a name that is not a string capability; Swift
// would take that for a pointer. Both "absent" and "not a string" become NULL.
static inline const char *etj_tigetstr(const char *name) {
  char *s = tigetstr(name);
  return s == (char *)-1 ? NULL : s;
}
// glibc declares wcwidth only for _XOPEN_SOURCE, which would hide other things.
extern int wcwidth(wchar_t c);
static inline int etj_wcwidth(wchar_t c) { return wcwidth(c); }
// tiparm is variadic, which Swift cannot call.
static inline const char *etj_tiparm2(const char *cap, int a, int b) {
  return tiparm(cap, a, b);
}
#endif
