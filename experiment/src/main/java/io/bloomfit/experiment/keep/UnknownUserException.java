package io.bloomfit.experiment.keep;

import io.bloomfit.experiment.store.RunDirectory;
import java.nio.file.Path;

/**
 * A user a kept model does not know: not in its {@link RunDirectory#USER_IDS} map, or, without a map, not a user
 * index of the model.
 */
public final class UnknownUserException extends RuntimeException {

    private final String user;
    private final Path userIds;
    private final int users;

    /**
     * @param userIds the id map the user is missing from, or {@code null} when the model has none
     * @param users   how many users the model has
     */
    UnknownUserException(String user, Path userIds, int users) {
        super(userIds != null ? "user '" + user + "' is not in " + userIds + " (" + users + " users)"
                : "user '" + user + "': without an id map the user is an index in 0.." + (users - 1));
        this.user = user;
        this.userIds = userIds;
        this.users = users;
    }

    public String user() {
        return user;
    }

    /** The id map the user is missing from, or {@code null} when the model was kept without one. */
    public Path userIds() {
        return userIds;
    }

    public int users() {
        return users;
    }
}
