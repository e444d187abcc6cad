package org.medsearch.cli;

import org.junit.jupiter.api.Test;
import org.medsearch.web.WebConfig;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every {@code serve} option can come from a MEDSEARCH_* environment variable, and the help says which. */
class ServeOptionsTest {
    static ServeCommand parse(Map<String, String> env, String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).setDefaultValueProvider(new EnvDefaults(env)).parseArgs(args);
        return serve;
    }

    @Test
    void environmentVariablesSetTheOptions() {
        ServeCommand s = parse(Map.of("MEDSEARCH_PORT", "8123", "MEDSEARCH_HOST", "0.0.0.0",
                "MEDSEARCH_INDEX", "/srv/index", "MEDSEARCH_ADMIN_TOKEN", "t0ken", "MEDSEARCH_ACCESS_LOG", "off",
                "MEDSEARCH_SLOW_QUERY_MS", "250", "MEDSEARCH_NO_QUERY_LOG", "true"));
        assertEquals(8123, s.port);
        assertEquals("0.0.0.0", s.host);
        assertEquals(Path.of("/srv/index"), s.options.index);
        assertEquals("t0ken", s.adminToken);
        WebConfig.Logging logging = s.logging();
        assertEquals("off", logging.accessLog());
        assertEquals(250, logging.slowMillis());
        assertFalse(logging.logQueries());
    }

    @Test
    void theCommandLineWinsAndUnsetVariablesLeaveTheDefaults() {
        ServeCommand s = parse(Map.of("MEDSEARCH_PORT", "8123"), "--port", "9000");
        assertEquals(9000, s.port);
        assertEquals("127.0.0.1", s.host);
        assertNull(s.adminToken);
        WebConfig.Logging logging = s.logging();
        assertEquals("stdout", logging.accessLog());
        assertEquals("stdout", logging.slowLog());
        assertTrue(logging.logQueries(), "queries are logged unless --no-query-log");
        assertFalse(logging.accessQuery(), "the access log leaves query strings out by default");
    }

    @Test
    void helpNamesTheVariableOfEveryOption() {
        CommandLine cli = new CommandLine(new ServeCommand());
        String help = cli.getUsageMessage();
        for (OptionSpec option : cli.getCommandSpec().options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                assertTrue(help.contains(EnvDefaults.variable(option)), EnvDefaults.variable(option) + " missing from:\n" + help);
            }
        }
        assertEquals("MEDSEARCH_NO_QUERY_LOG", EnvDefaults.variable(cli.getCommandSpec().findOption("--no-query-log")));
    }
}
