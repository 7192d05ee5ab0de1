package io.bloomfit.it;

/**
 * A module that breaks a {@link DependencyRule}.
 *
 * @param module     the module's folder ({@code .} for the root pom)
 * @param dependency what breaks the rule: a dependency's coordinates and scope, or a required module's name
 * @param rule       the rule broken
 */
record Violation(String module, String dependency, DependencyRule rule) {

    @Override
    public String toString() {
        return "module '" + module + "': " + dependency + " breaks " + rule + ": " + rule.text();
    }
}
