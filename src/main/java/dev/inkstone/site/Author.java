package dev.inkstone.site;

import java.util.List;

/** A person who writes on the site, from {@code data/authors.yaml} or the site settings. */
public record Author(String id, String name, String bio, String avatar, String url, List<Link> links) {

  /** A named link. */
  public record Link(String name, String url) {}
}
