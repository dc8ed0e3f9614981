/* shim.h: the C side of VirtLineEdit.
 *
 * Swift cannot call C variadic functions (el_set, el_get, history) nor touch
 * the stdio globals under strict concurrency, so every such call lives here
 * as a small `static inline` function. Shared state (the SIGINT flag) is
 * declared `weak` rather than `static`: a `static` variable in a header gets
 * one private copy per Swift object file, a weak one is merged by the linker.
 */
#ifndef VIRT_CLIBEDIT_SHIM_H
#define VIRT_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/select.h>
#include <unistd.h>
#include <wchar.h>

/* ---- Interrupt flag (SIGINT) -------------------------------------------- */

__attribute__((weak)) volatile sig_atomic_t virt_sigint_pending = 0;
__attribute__((weak)) volatile sig_atomic_t virt_sigwinch_pending = 0;
__attribute__((weak)) int virt_sigint_installed = 0;
__attribute__((weak)) struct sigaction virt_sigint_previous = { 0 }; /* needs an initializer: a bare weak declaration is an undefined reference */

static inline void virt_sigint_handler(int signo) { (void)signo; virt_sigint_pending = 1; }
static inline void virt_sigwinch_handler(int signo) { (void)signo; virt_sigwinch_pending = 1; }

/* Installs the flag-setting SIGINT handler (SA_RESTART, so evaluation I/O is
 * not disturbed). Returns 1 when it was already installed. */
static inline int virt_interrupt_install(void) {
    if (virt_sigint_installed) return 1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = virt_sigint_handler;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGINT, &sa, &virt_sigint_previous) == 0) virt_sigint_installed = 1;
    /* A parent may have started us with SIGINT blocked: the installing
     * (evaluating) thread must receive it. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    return 0;
}

/* Restores the SIGINT disposition that was in place before install. */
static inline void virt_interrupt_uninstall(void) {
    if (!virt_sigint_installed) return;
    sigaction(SIGINT, &virt_sigint_previous, NULL);
    virt_sigint_installed = 0;
}

static inline int virt_interrupt_pending(void) { return virt_sigint_pending != 0; }
static inline void virt_interrupt_clear(void) { virt_sigint_pending = 0; }

static inline void virt_sigwinch_install(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = virt_sigwinch_handler;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGWINCH, &sa, NULL);
}

/* ---- stdio ---------------------------------------------------------------- */

/* Writes text to stdout (stream 1) or stderr (stream 2) and flushes it. */
static inline void virt_write(int stream, const char *text) {
    FILE *f = stream == 2 ? stderr : stdout;
    fputs(text, f);
    fflush(f);
}

/* Makes the C library decode UTF-8 (libedit edits wide characters). */
static inline void virt_locale_init(void) {
    setlocale(LC_CTYPE, "");
    const char *cs = nl_langinfo(CODESET);
    if (cs == NULL || strcasecmp(cs, "UTF-8") != 0) setlocale(LC_CTYPE, "C.UTF-8");
}

/* ---- Reading characters --------------------------------------------------- */

__attribute__((weak)) int virt_tty_fd = -1;

/* The terminal behind stdin, opened again without blocking (a descriptor of
 * its own, so stdin's flags, shared with the shell, stay as they are): a
 * Ctrl-C flushes the input queue, and a blocking read of input that was
 * ready a moment before would then wait past the Ctrl-C. Falls back to stdin. */
static inline int virt_input_fd(void) {
    if (virt_tty_fd < 0) {
        const char *name = ttyname(STDIN_FILENO);
        int fd = name ? open(name, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC) : -1;
        virt_tty_fd = fd >= 0 ? fd : STDIN_FILENO;
    }
    return virt_tty_fd;
}

/* libedit's character reader (EL_GETCFN). It waits with pselect, which a
 * signal always interrupts (SA_RESTART or not), and gives up with -1/EINTR
 * as soon as the SIGINT flag is set, so el_gets returns and the line is
 * discarded. SIGINT is blocked except while waiting, closing the race
 * between testing the flag and sleeping; a short timeout covers a signal
 * delivered to another thread. */
static inline int virt_el_getc(EditLine *el, wchar_t *out) {
    int fd = virt_input_fd();
    mbstate_t state;
    memset(&state, 0, sizeof state);
    sigset_t block, saved;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigprocmask(SIG_BLOCK, &block, &saved);
    sigset_t waitmask = saved;
    sigdelset(&waitmask, SIGINT);
    int result;
    for (;;) {
        if (virt_sigint_pending) { errno = EINTR; result = -1; break; }
        if (virt_sigwinch_pending) { virt_sigwinch_pending = 0; el_resize(el); }
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(fd, &fds);
        struct timespec tick = { 0, 250 * 1000 * 1000 };
        int ready = pselect(fd + 1, &fds, NULL, NULL, &tick, &waitmask);
        if (ready < 0 && errno != EINTR) { result = -1; break; }
        if (ready <= 0) continue;
        char byte;
        ssize_t n = read(fd, &byte, 1);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;   /* EAGAIN: a Ctrl-C flushed the input */
            result = -1;
            break;
        }
        if (n == 0) { result = 0; break; }
        size_t k = mbrtowc(out, &byte, 1, &state);
        if (k == (size_t)-2) continue;                       /* more bytes to come */
        if (k == (size_t)-1) { *out = (wchar_t)0xFFFD; }     /* invalid UTF-8 */
        result = 1;
        break;
    }
    int keep = errno;
    sigprocmask(SIG_SETMASK, &saved, NULL);
    errno = keep;
    return result;
}

/* ---- EditLine --------------------------------------------------------------- */

typedef char *(*virt_prompt_fn)(EditLine *);
typedef unsigned char (*virt_command_fn)(EditLine *, int);

/* Creates an emacs-mode editor on stdin/stdout/stderr with history, the
 * interrupt-aware reader, a prompt callback (RL_PROMPT_START_IGNORE-style
 * escapes delimited by \1) and Tab bound to the completion callback. */
static inline EditLine *virt_el_open(const char *program, History *history_handle, void *client,
                                     virt_prompt_fn prompt, virt_command_fn complete) {
    EditLine *el = el_init(program, stdin, stdout, stderr);
    if (el == NULL) return NULL;
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_SIGNAL, 0);
    el_set(el, EL_CLIENTDATA, client);
    el_set(el, EL_PROMPT_ESC, prompt, '\1');
    el_set(el, EL_HIST, history, history_handle);
    el_set(el, EL_GETCFN, virt_el_getc);
    el_set(el, EL_ADDFN, "virt-complete", "Complete the word before the cursor", complete);
    el_set(el, EL_BIND, "^I", "virt-complete", NULL);
    el_set(el, EL_BIND, "^W", "ed-delete-prev-word", NULL);
    el_set(el, EL_BIND, "\033[H", "ed-move-to-beg", NULL);
    el_set(el, EL_BIND, "\033[F", "ed-move-to-end", NULL);
    el_set(el, EL_BIND, "\033[1~", "ed-move-to-beg", NULL);
    el_set(el, EL_BIND, "\033[4~", "ed-move-to-end", NULL);
    el_set(el, EL_BIND, "\033[3~", "ed-delete-next-char", NULL);
    el_set(el, EL_BIND, "\033[1;5D", "ed-prev-word", NULL);
    el_set(el, EL_BIND, "\033[1;5C", "em-next-word", NULL);
    virt_sigwinch_install();
    return el;
}

static inline void *virt_el_client(EditLine *el) {
    void *client = NULL;
    if (el_get(el, EL_CLIENTDATA, &client) != 0) return NULL;
    return client;
}

/* Terminal width in columns (80 when unknown). */
static inline int virt_el_columns(EditLine *el) {
    int cols = 0;
    if (el_get(el, EL_GETTC, "co", &cols) != 0 || cols <= 0) cols = 80;
    return cols;
}

/* Writes text to the editor's output stream and flushes it. */
static inline void virt_el_print(EditLine *el, const char *text) {
    FILE *out = NULL;
    if (el_get(el, EL_GETFP, 1, &out) != 0 || out == NULL) out = stdout;
    fputs(text, out);
    fflush(out);
}

/* ---- History ------------------------------------------------------------- */

static inline History *virt_hist_open(int size) {
    History *h = history_init();
    if (h == NULL) return NULL;
    HistEvent ev;
    history(h, &ev, H_SETSIZE, size);
    history(h, &ev, H_SETUNIQUE, 1);
    return h;
}

static inline void virt_hist_enter(History *h, const char *entry) {
    HistEvent ev;
    history(h, &ev, H_ENTER, entry);
}

#endif
