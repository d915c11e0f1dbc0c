/**
 * Loads a blog folder into memory as {@link dev.inkstone.source.SourceFile}s, each tagged with
 * what it is for (post, page, data, static file, bundle asset, config).
 */
package dev.inkstone.source;
