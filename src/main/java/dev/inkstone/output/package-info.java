/**
 * Writes the rendered outputs into the site folder, touching only files whose bytes changed and
 * removing files the site no longer has.
 */
package dev.inkstone.output;
