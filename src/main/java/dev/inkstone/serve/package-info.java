/**
 * The preview server: builds the blog into memory, serves it over HTTP, watches the blog folder
 * and the theme, rebuilds only what an edit changed, and tells open pages to reload (or shows
 * them the build's problems) over Server-Sent Events. {@link dev.inkstone.serve.PreviewServer}
 * is the front door.
 */
package dev.inkstone.serve;
