package org.medsearch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code medsearch} command: dispatches to one subcommand per operation. */
@Command(name = "medsearch", mixinStandardHelpOptions = true, version = "medsearch 0.1.0",
        description = "Full-text search engine for medical articles.",
        subcommands = {ReindexCommand.class, CleanCommand.class, ServeCommand.class, SearchCommand.class,
                EvalCommand.class, CrawlCommand.class, BenchCommand.class})
public final class Main implements Runnable {
    /** Held statically: JUL keeps loggers weakly, and a collected one would forget its level. Lucene logs a
     * start-up hint about the incubating vector API that is noise to an operator. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(org.medsearch.ingest.SectionKind.class, v -> org.medsearch.ingest.SectionKind.fromId(v)
                .orElseThrow(() -> new picocli.CommandLine.TypeConversionException("unknown section kind '" + v + "'")));
        // Operational failures (missing folder, busy index) are one line, not a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("medsearch: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli;
    }
}
