/** Runs the pipeline stages in order, timing each: load, parse, assemble, render, write. */
package dev.inkstone.build;
