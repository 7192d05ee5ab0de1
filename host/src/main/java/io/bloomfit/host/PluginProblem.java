package io.bloomfit.host;

/**
 * Something that went wrong while loading plugins and was skipped rather than made fatal: a jar that does
 * not load, a provider that throws, a provider whose name breaks {@link io.bloomfit.api.plugin.PluginName#RULE}, or two providers with
 * one name.
 *
 * @param source the plugin (a jar or a plugin's sub-directory; "built-in" for the application's own providers)
 *               the problem is about
 * @param message what happened and what was done about it
 */
public record PluginProblem(String source, String message) {

    @Override
    public String toString() {
        return source + ": " + message;
    }
}
