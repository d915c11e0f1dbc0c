package dev.inkstone.diagnostic;

import java.util.List;

/** Thrown by a stage that cannot go on; carries every problem found so far. */
public final class ProblemsException extends RuntimeException {
  private final List<Problem> problems;

  public ProblemsException(List<Problem> problems) {
    super(problems.size() + " problem(s), first: " + (problems.isEmpty() ? "-" : problems.get(0).format()), null, false, false);
    this.problems = problems.stream().sorted(Problem.ORDER).toList();
  }

  public ProblemsException(Problem problem) {
    this(List.of(problem));
  }

  public List<Problem> problems() {
    return problems;
  }
}
