/** The command line: the only code that prints or exits. */
package dev.inkstone.cli;
