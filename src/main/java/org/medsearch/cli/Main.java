package org.medsearch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code medsearch} command: dispatches to one subcommand per operation. */
@Command(name = "medsearch", mixinStandardHelpOptions = true, version = "medsearch 0.1.0",
        description = "Full-text search engine for medical articles.",
        subcommands = {CleanCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }
}
