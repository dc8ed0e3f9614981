"""Drives the virtlab REPL through a pseudo-terminal, as a student would.

Usage: python3 repl_pty.py BINARY
Exits 0 when every check passes; otherwise prints what was expected and the
screen around it, and exits 1. Every wait is bounded (pexpect timeout).
"""
import os
import sys
import tempfile
import time

import pexpect

PROMPT = "virtlab> "
MORE = "...> "
UP = "\x1b[A"


def start(binary, state):
    env = dict(os.environ, TERM="xterm", XDG_STATE_HOME=state, NO_COLOR="1")
    child = pexpect.spawn(binary, env=env, dimensions=(24, 100), encoding="utf-8", timeout=10)
    child.expect_exact(PROMPT)
    return child


def value(child, line, expected):
    """Types `line` and waits for `expected` printed on a line of its own, then the prompt."""
    child.sendline(line)
    child.expect(r"\n" + expected + r"\r\n")
    child.expect_exact(PROMPT)


def session_one(binary, state):
    child = start(binary, state)
    print("type a line and read its value")
    value(child, "print (6 * 7)", "42")

    print("Tab completes a command word (and appends a space)")
    child.send("hel\t")
    child.sendline("advance")
    child.expect_exact("usage: advance DURATION")
    child.expect_exact(PROMPT)

    print("Tab completes hos to host, then an object name")
    child.send("hos\t")
    child.sendline("add pm1 cpus=8 mem=32G")
    child.expect_exact(PROMPT)
    if "error" in child.before:
        raise AssertionError("hos + Tab did not give 'host ': " + child.before)
    child.send("host info p\t")  # libedit redraws only the change: check what runs
    child.sendline("")
    child.expect(r"\n\s*name\s+pm1\s*\r\n")
    child.expect_exact(PROMPT)

    print("a block continued over three lines with the ... prompt")
    child.sendline("proc double x {")
    child.expect_exact(MORE)
    child.sendline("return ($x * 2)")
    child.expect_exact(MORE)
    child.sendline("}")
    child.expect_exact(PROMPT)
    value(child, "double 21", "42")

    print("Ctrl-D inside an unfinished statement abandons it and the session goes on")
    child.sendline("proc never {")
    child.expect_exact(MORE)
    child.sendcontrol("d")
    child.expect_exact(PROMPT)
    value(child, "print (20 + 3)", "23")

    print("Ctrl-C discards a half-typed line, then another line runs")
    child.send("print (1000 + 1")
    child.sendcontrol("c")
    child.expect_exact("^C")
    child.expect_exact(PROMPT)
    if "1001" in child.before:
        raise AssertionError("the discarded line was run")
    value(child, "print (100 + 11)", "111")

    print("Ctrl-C interrupts a running evaluation and the session goes on")
    child.sendline("while true { }")
    child.expect_exact("while true { }")
    print("after half a second a progress bar shows the evaluation is running")
    child.expect_exact("Ctrl-C interrupts", timeout=5)
    child.sendcontrol("c")
    child.expect_exact("error: interrupted")
    child.expect_exact(PROMPT)

    print("Up recalls the previous line")
    value(child, "print (200 + 22)", "222")
    child.send(UP)
    child.send("\r")
    child.expect(r"\n222\r\n")
    child.expect_exact(PROMPT)

    print("Ctrl-D on an empty line exits")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child.close()
    if child.exitstatus != 0:
        raise AssertionError(f"exit status {child.exitstatus}")


def session_two(binary, state):
    print("a new session recalls the last one's lines with Up")
    if not os.path.isfile(os.path.join(state, "virtlab", "history")):
        raise AssertionError("no history file under XDG_STATE_HOME")
    child = start(binary, state)
    child.send(UP)
    child.send("\r")
    child.expect(r"\n222\r\n")
    child.expect_exact(PROMPT)
    child.sendcontrol("d")
    child.expect(pexpect.EOF)


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as state:
        try:
            session_one(binary, state)
            session_two(binary, state)
        except (AssertionError, pexpect.ExceptionPexpect) as error:
            print(f"FAILED: {type(error).__name__}: {str(error)[:2000]}")
            return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
