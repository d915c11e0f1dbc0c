package dev.inkstone.scaffold;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code new} wrote.
 *
 * @param files the files written, relative to the folder they were written in, in writing order
 * @param slug the slug chosen for a post or page; empty for a new site
 * @param archetype where the template came from: a path, or {@code built-in}
 */
public record Created(List<Path> files, String slug, String archetype) {
  public Created {
    files = List.copyOf(files);
  }
}
