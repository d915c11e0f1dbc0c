/**
 * Creates new content from templates ("archetypes"): a post, a page, or a whole blog folder.
 * The front door is {@link dev.inkstone.scaffold.Scaffold}.
 */
package dev.inkstone.scaffold;
