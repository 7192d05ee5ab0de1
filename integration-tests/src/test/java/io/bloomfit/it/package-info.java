/**
 * End-to-end checks of user-visible paths across modules: drop-in plugin jars next to the built-in ones, and
 * (as they land) the packaged CLI and server.
 */
package io.bloomfit.it;
