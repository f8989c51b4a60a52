#define _XOPEN_SOURCE_EXTENDED 1
#define _GNU_SOURCE 1
#define NCURSES_WIDECHAR 1
#include "CursesShim.h"
#include <ncursesw/curses.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <langinfo.h>

static volatile sig_atomic_t started = 0;
static struct sigaction previous[32];
static const int handled[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};

void pw_stop(void) {
    if (started) {
        started = 0;
        curs_set(1);
        endwin();
    }
}

// Restore the terminal, then let the signal do what it would have done.
static void on_signal(int sig) {
    pw_stop();
    if (sig >= 0 && sig < 32) sigaction(sig, &previous[sig], NULL);
    raise(sig);
}

int pw_start(int use_color) {
    // Curses needs a UTF-8 locale for accents and wide text; tmux and CI often have no LANG.
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || strcmp(codeset, "UTF-8") != 0) setlocale(LC_ALL, "C.UTF-8");
    // Our handlers go in before initscr: ncurses then leaves them alone instead of installing its own,
    // which would exit(1) and hide which signal ended the program.
    for (size_t i = 0; i < sizeof handled / sizeof handled[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(handled[i], &sa, &previous[handled[i]]);
    }
    if (initscr() == NULL) return -1;
    started = 1;
    atexit(pw_stop);
    // Raw mode: Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys instead of signals (no job control or backtracer
    // from the keyboard while a case is on screen); kill(1) signals are still caught above.
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    int color = 0;
    if (use_color && has_colors()) {
        start_color();
        use_default_colors();
        color = 1;
    }
    return color;
}

int pw_rows(void) { return LINES; }
int pw_cols(void) { return COLS; }

int pw_read_key(int timeout_ms, unsigned int *value) {
    wint_t ch = 0;
    timeout(timeout_ms);
    int r = get_wch(&ch);
    *value = (unsigned int)ch;
    if (r == OK) return PW_CHAR;
    if (r == KEY_CODE_YES) return PW_KEYCODE;
    return PW_NONE;
}

int pw_key_code(const char *name) {
    if (strcmp(name, "up") == 0) return KEY_UP;
    if (strcmp(name, "down") == 0) return KEY_DOWN;
    if (strcmp(name, "left") == 0) return KEY_LEFT;
    if (strcmp(name, "right") == 0) return KEY_RIGHT;
    if (strcmp(name, "backspace") == 0) return KEY_BACKSPACE;
    if (strcmp(name, "enter") == 0) return KEY_ENTER;
    if (strcmp(name, "resize") == 0) return KEY_RESIZE;
    if (strcmp(name, "ppage") == 0) return KEY_PPAGE;
    if (strcmp(name, "npage") == 0) return KEY_NPAGE;
    if (strcmp(name, "home") == 0) return KEY_HOME;
    if (strcmp(name, "end") == 0) return KEY_END;
    if (strcmp(name, "dc") == 0) return KEY_DC;
    if (strcmp(name, "btab") == 0) return KEY_BTAB;
    if (strcmp(name, "f0") == 0) return KEY_F0;
    return -1;
}

void pw_erase(void) { erase(); }

void pw_draw(int row, int col, const char *utf8, int attrs, int pair) {
    attr_t a = A_NORMAL;
    if (attrs & PW_BOLD) a |= A_BOLD;
    if (attrs & PW_REVERSE) a |= A_REVERSE;
    if (attrs & PW_UNDERLINE) a |= A_UNDERLINE;
    if (attrs & PW_DIM) a |= A_DIM;
    attrset(a | COLOR_PAIR(pair));
    mvaddstr(row, col, utf8);
    attrset(A_NORMAL);
}

void pw_refresh(void) { refresh(); }

void pw_define_pair(short pair, short fg, short bg) { init_pair(pair, fg, bg); }

// Clear the screen and the scrollback (ESC [3J) of whichever screen the terminal shows.
static void write_wipe(void) {
    static const char wipe[] = "\033[H\033[2J\033[3J";
    ssize_t ignored = write(STDOUT_FILENO, wipe, sizeof wipe - 1);
    (void)ignored;
}

void pw_wipe_terminal(void) {
    erase();
    clear();
    refresh();
    write_wipe();
}

void pw_stop_wiped(void) {
    pw_stop();
    // endwin went back to the main screen, which still shows what was there before: clear it too.
    write_wipe();
}

int pw_wcwidth(unsigned int codepoint) {
    // The frame asks for the same few characters (rules, arrows, accents) on every redraw: the Basic
    // Multilingual Plane's widths are kept once looked up. A race only writes the same value twice.
    static signed char bmp[0x10000];
    static int filled[0x10000 / 32];
    if (codepoint < 0x10000 && (__atomic_load_n(&filled[codepoint / 32], __ATOMIC_ACQUIRE) >> (codepoint % 32)) & 1) return bmp[codepoint];
    static locale_t utf8 = (locale_t)0;
    if (utf8 == (locale_t)0) utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    locale_t old = uselocale(utf8);
    int w = wcwidth((wchar_t)codepoint);
    uselocale(old);
    if (codepoint < 0x10000) {
        bmp[codepoint] = (signed char)w;
        __atomic_or_fetch(&filled[codepoint / 32], 1 << (codepoint % 32), __ATOMIC_RELEASE);
    }
    return w;
}
