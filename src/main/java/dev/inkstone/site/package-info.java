/**
 * Assembles every parsed document into the {@link dev.inkstone.site.Site}: permalinks, sorted
 * posts, taxonomies and their terms with counts, menus, neighbours, related posts and data;
 * two pages claiming one URL are found here.
 */
package dev.inkstone.site;
