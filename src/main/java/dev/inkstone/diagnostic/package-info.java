/**
 * Problems found in a blog's input, each with the place it was found; a run collects them all
 * and reports them together.
 */
package dev.inkstone.diagnostic;
