#ifndef PATHWAYS_CURSES_SHIM_H
#define PATHWAYS_CURSES_SHIM_H
// The few curses calls the terminal UI needs, as plain functions Swift can call: curses' macros,
// globals and variadic functions do not import into Swift.

/// Text attributes, combined with |.
enum { PW_BOLD = 1, PW_REVERSE = 2, PW_UNDERLINE = 4, PW_DIM = 8 };

/// Key results of pw_read_key.
enum { PW_NONE = 0, PW_CHAR = 1, PW_KEYCODE = 2 };

/// Starts curses on the terminal in raw mode (Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys) and installs
/// handlers that restore it on exit, signals and crashes.
/// Returns 1 when colours can be used (and NO_COLOR is not set), else 0.
int pw_start(int use_color);
/// Restores the terminal (echo, cursor, main screen). Safe to call more than once.
void pw_stop(void);
int pw_rows(void);
int pw_cols(void);
/// Waits up to timeout_ms (-1: forever) for a key. Sets *value to the character or key code.
int pw_read_key(int timeout_ms, unsigned int *value);
/// Key codes that Swift cannot read as macros.
int pw_key_code(const char *name);
void pw_erase(void);
/// Writes UTF-8 text at a place with attributes and a colour pair (0 = default).
void pw_draw(int row, int col, const char *utf8, int attrs, int pair);
void pw_refresh(void);
void pw_define_pair(short pair, short fg, short bg);
/// Clears the screen and the terminal's scrollback right now (quick exit).
void pw_wipe_terminal(void);
/// Restores the terminal, then clears the main screen and its scrollback as well: the quick exit's end.
void pw_stop_wiped(void);
/// Display width of a Unicode scalar in a UTF-8 locale, whatever the process locale is.
int pw_wcwidth(unsigned int codepoint);

#endif
