/**
 * Checks across modules: the module dependency rules of docs/architecture.md read from every module's pom and
 * module-info ({@code ArchitectureRulesTest}, with the checker {@code DependencyRules} and its own test), drop-in
 * plugin jars next to the built-in ones, and (as they land) the packaged CLI and server end to end.
 *
 * <p>May depend on every module and on test libraries; nothing depends on it. The rule checker itself reads files
 * with the JDK only (its XML parser), so it needs no module built before it.
 */
package io.bloomfit.it;
