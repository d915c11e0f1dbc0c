/**
 * Renders the assembled site through the theme's Pebble templates into output files.
 *
 * <p>Templates never see domain objects: they get the view records of this package, built by
 * the renderer from the {@code Site}. Rendered Markdown is the only trusted HTML and is marked
 * safe once, here.
 *
 * <p>Front door: {@link dev.inkstone.template.ThemeLoader#load} finds a theme and its {@code
 * extends} chain, and {@link dev.inkstone.template.ThemeEngine} compiles and renders its
 * templates with one shared Pebble engine.
 *
 * <p>Besides the pages, the renderer hands to small classes the outputs that are not themed:
 * {@code Feeds} (RSS and Atom), {@code Sitemap} (sitemap.xml, robots.txt), {@code Redirects}
 * (alias pages, {@code _redirects}); {@code Metadata} fills each page's {@code PageMeta}.
 */
package dev.inkstone.template;
