/**
 * The build daemon: a JVM kept warm between builds, so that a build typed again soon skips the
 * start and the JIT's warm-up. The launcher ({@code ./inkstone}) starts it, hands it builds over
 * a socket on this machine only, and prints what it sends back. It keeps nothing of a build but
 * the compiled code: every build reads the blog afresh.
 */
package dev.inkstone.daemon;
