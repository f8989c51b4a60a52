// The wide-character curses API must be switched on before the header is read: SwiftPM drops -D flags.
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
