/**
 * Moves a blog in: {@link dev.inkstone.importer.WordPressImport} turns a WordPress export (WXR)
 * into a blog folder, streaming the XML, converting bodies to Markdown and keeping old URLs as
 * aliases; {@link dev.inkstone.importer.ImportReport} says what it did and what needs a look.
 */
package dev.inkstone.importer;
