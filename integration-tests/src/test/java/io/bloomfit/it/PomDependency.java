package io.bloomfit.it;

/**
 * One {@code <dependency>} of a pom as written there (a dependency, a {@code dependencyManagement} entry or a BOM
 * import), or one {@code <plugin>} of its build (type {@code maven-plugin}).
 *
 * @param groupId    with {@code ${project.groupId}} resolved
 * @param artifactId as written
 * @param type       {@code jar} when the pom says nothing
 * @param scope      as written; {@code null} when the pom says nothing (the managed scope, or compile, applies)
 */
record PomDependency(String groupId, String artifactId, String type, String scope) {

    static final String BLOOMFIT_GROUP = "io.bloomfit";

    boolean isBloomfit() {
        return BLOOMFIT_GROUP.equals(groupId);
    }

    boolean isQuarkus() {
        return "io.quarkus".equals(groupId) || groupId.startsWith("io.quarkus.");
    }

    /** Whether {@code other} names the same artifact (scope aside). */
    boolean sameArtifact(PomDependency other) {
        return groupId.equals(other.groupId) && artifactId.equals(other.artifactId) && type.equals(other.type);
    }

    /** {@code groupId:artifactId[:type]}. */
    String coordinates() {
        return groupId + ":" + artifactId + ("jar".equals(type) ? "" : ":" + type);
    }
}
