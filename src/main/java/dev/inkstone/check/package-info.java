/**
 * Checks a built site the way a reader meets it: internal links, anchors and images that lead
 * nowhere, pages without a title or description, duplicate titles, oversized images, and with
 * {@code --external} links to other sites. Every finding points at the source file and line. The
 * front door is {@link dev.inkstone.check.SiteCheck}.
 */
package dev.inkstone.check;
