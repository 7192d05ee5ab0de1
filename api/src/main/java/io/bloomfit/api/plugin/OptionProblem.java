package io.bloomfit.api.plugin;

/**
 * What is wrong with one option a spec gave a plugin: an unknown name, a value of the wrong type or out of range,
 * or a combination the plugin refuses. The caller prefixes the spec path (e.g. {@code grid.options.bloom-hybrid}).
 *
 * @param option  the option's name as given
 * @param message what is wrong and what is allowed
 */
public record OptionProblem(String option, String message) {

    @Override
    public String toString() {
        return option + ": " + message;
    }
}
