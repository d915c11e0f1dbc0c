/**
 * Content files: {@link dev.inkstone.content.FrontMatterReader} decodes a Markdown file, splits
 * off its YAML front matter and folds it into a {@link dev.inkstone.content.FrontMatter}; the
 * body goes on to the Markdown stage as a {@link dev.inkstone.content.Document}.
 */
package dev.inkstone.content;
