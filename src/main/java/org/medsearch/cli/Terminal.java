package org.medsearch.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether output goes to a person's terminal (progress bars, emphasis) or to a file or pipe (plain lines). */
final class Terminal {
    private Terminal() {
    }

    /**
     * True when stdout ({@code fd = 1}) or stderr ({@code fd = 2}) is a terminal. The launcher knows for
     * sure ({@code [ -t 1 ]}) and passes {@code -Dmedsearch.tty1/2}; without it, the JVM's console tells.
     */
    static boolean isTerminal(int fd) {
        String told = System.getProperty("medsearch.tty" + fd);
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; isTerminal() says whether it is one.
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
