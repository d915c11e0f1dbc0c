package dev.inkstone.site;

import java.util.List;

/**
 * A resolved menu entry.
 *
 * @param path site path (decoded, no base path) for internal targets, else empty
 * @param externalUrl the URL for external targets, else empty
 */
public record Menu(String name, String path, String externalUrl, List<Menu> children) {}
