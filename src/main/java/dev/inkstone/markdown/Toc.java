package dev.inkstone.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Builds the table of contents tree from the flat list of headings. */
final class Toc {

  private Toc() {}

  private static final class Draft {
    final Heading heading;
    final List<Draft> children = new ArrayList<>();

    Draft(Heading heading) {
      this.heading = heading;
    }

    TocEntry freeze() {
      return new TocEntry(heading.level(), heading.id(), heading.text(),
          children.stream().map(Draft::freeze).toList());
    }
  }

  /**
   * A heading becomes the child of the nearest earlier heading with a smaller level, so skipped
   * levels (h2 then h4) still nest, and a shallower heading after deeper ones (h4 then h2)
   * starts a new branch.
   */
  static List<TocEntry> of(List<Heading> headings) {
    List<Draft> roots = new ArrayList<>();
    Deque<Draft> open = new ArrayDeque<>();
    for (Heading heading : headings) {
      Draft draft = new Draft(heading);
      while (!open.isEmpty() && open.peek().heading.level() >= heading.level()) {
        open.pop();
      }
      if (open.isEmpty()) {
        roots.add(draft);
      } else {
        open.peek().children.add(draft);
      }
      open.push(draft);
    }
    return roots.stream().map(Draft::freeze).toList();
  }
}
