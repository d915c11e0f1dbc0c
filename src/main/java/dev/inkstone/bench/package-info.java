/**
 * Generated blogs: the benchmark builds them ({@code bench/run}, in the test sources), and the
 * launcher trains the JVM for big blogs on one ({@code inkstone train}).
 */
package dev.inkstone.bench;
