/**
 * Turns a post's Markdown body into HTML, plain text, word counts, heading ids, a table of
 * contents and an excerpt, with fixes for Chinese text that CommonMark lacks.
 *
 * <p>{@link dev.inkstone.markdown.MarkdownEngine} is the front door; the records it returns
 * and {@link dev.inkstone.markdown.Excerpts} are the rest of the public surface. Everything that
 * touches flexmark is package-private.
 */
package dev.inkstone.markdown;
