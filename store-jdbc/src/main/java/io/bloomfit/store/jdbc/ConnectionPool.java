package io.bloomfit.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;

/**
 * A few open connections to one database, reused across calls: opening a PostgreSQL connection costs milliseconds
 * and an H2 file database closes when its last connection does. Work runs in a transaction of its own; a
 * connection that failed is closed rather than reused. Thread-safe.
 */
final class ConnectionPool implements AutoCloseable {

    /** Database work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int MAX_IDLE = 8;

    private final String url;
    private final Properties credentials;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(String url, String user, String password) {
        this.url = url;
        this.credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Work<T> work) throws SQLException {
        Connection connection = borrow();
        boolean healthy = false;
        try {
            T result = work.run(connection);
            connection.commit();
            healthy = true;
            return result;
        } finally {
            if (!healthy) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the connection is discarded below
                }
            }
            giveBack(connection, healthy);
        }
    }

    /** Whether a connection answers within {@code seconds}. */
    boolean ping(int seconds) {
        try {
            return inTransaction(c -> c.isValid(seconds));
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection borrow() throws SQLException {
        synchronized (this) {
            if (closed) {
                throw new SQLException("the store is closed");
            }
            Connection c = idle.pollFirst();
            if (c != null) {
                return c;
            }
        }
        Connection c = DriverManager.getConnection(url, credentials);
        c.setAutoCommit(false);
        return c;
    }

    private void giveBack(Connection connection, boolean healthy) {
        synchronized (this) {
            if (healthy && !closed && idle.size() < MAX_IDLE) {
                idle.addFirst(connection);
                return;
            }
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing to do with a connection we are throwing away
        }
    }

    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        for (Connection c : toClose) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
