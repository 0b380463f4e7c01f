/**
 * Bounded reading and atomic writing of files, shared by the library and the command line.
 */
package org.wirecopy.io;
