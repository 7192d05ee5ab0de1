package io.bloomfit.it;

/**
 * A module that breaks a {@link DependencyRule}.
 *
 * @param module     the module's folder ({@code .} for the root pom)
 * @param dependency what breaks the rule: a dependency's coordinates and scope, a required module's name, or a
 *                   finding in the sources (file and line, or a package cycle with the uses that make it)
 * @param rule       the rule broken
 */
record Violation(String module, String dependency, DependencyRule rule) {

    @Override
    public String toString() {
        return "module '" + module + "': " + dependency + " breaks " + rule + ": " + rule.text();
    }
}
