/** Runs a stage's items on every core, handing them out a few at a time. */
package dev.inkstone.parallel;
