package org.medsearch.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Locale;
import java.util.Map;

/**
 * Option defaults from the environment, for running in a container or under systemd: {@code --port}
 * from {@code MEDSEARCH_PORT}, {@code --no-query-log} from {@code MEDSEARCH_NO_QUERY_LOG}, and so on
 * for every option of a command that names this provider. An option given on the command line wins;
 * an unset variable leaves the option's own default.
 */
public final class EnvDefaults implements IDefaultValueProvider {
    private final Map<String, String> env;

    /** Reads the process environment (how picocli instantiates it). */
    public EnvDefaults() {
        this(System.getenv());
    }

    /** Reads the given variables (for tests). */
    public EnvDefaults(Map<String, String> env) {
        this.env = env;
    }

    /** The variable of an option: its longest name upper-cased, dashes as underscores, prefixed MEDSEARCH_. */
    public static String variable(OptionSpec option) {
        return "MEDSEARCH_" + option.longestName().replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String value = env.get(variable(option));
        // Null: picocli then applies the option's annotated default.
        return value == null || value.isBlank() ? null : value.strip();
    }
}
