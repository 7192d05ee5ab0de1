package io.bloomfit.api.plugin;

import java.util.regex.Pattern;

/**
 * The rule every plugin name must follow, checked once when a registry loads (as Lucene checks SPI names):
 * {@value #RULE}, i.e. lower-case ASCII letters, digits, {@code _} and {@code -}, starting with a letter or a
 * digit, at most 64 characters. Names are written into result files and saved models and typed on command
 * lines, so they must survive file systems, URLs, CSV and YAML unquoted.
 *
 * <p>A provider whose name breaks the rule is skipped with a {@link PluginProblem}; it never fails the load.
 */
public final class PluginName {

    /** The rule as a regular expression. */
    public static final String RULE = "[a-z0-9][a-z0-9_-]{0,63}";

    private static final Pattern PATTERN = Pattern.compile(RULE);

    private PluginName() {
    }

    /** Whether {@code name} follows {@value #RULE}; {@code null} does not. */
    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }
}
