/**
 * The {@code index} and {@code match} verbs of the command line. Registered in
 * {@link org.wirecopy.cli.WirecopyCli}; nothing in the library depends on them.
 */
package org.wirecopy.match.cli;
