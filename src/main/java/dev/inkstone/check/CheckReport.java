package dev.inkstone.check;

import dev.inkstone.diagnostic.Problem;
import java.util.List;
import java.util.Map;

/**
 * What a check found.
 *
 * @param buildProblems problems that stopped the build; when not empty nothing else was checked
 * @param findings every finding, each once, in {@link Finding#ORDER}
 * @param pages number of HTML pages checked
 * @param links number of links and images checked
 * @param hosts for {@code --external}: per host, {ok, broken} counts, sorted by host
 * @param externalRequests how many external requests were made (the rest came from the cache)
 */
public record CheckReport(List<Problem> buildProblems, List<Finding> findings, int pages, int links, Map<String, int[]> hosts,
    int externalRequests) {

  public boolean ok() {
    return buildProblems.isEmpty() && findings.stream().noneMatch(f -> f.kind().error());
  }

  public long errors() {
    return findings.stream().filter(f -> f.kind().error()).count();
  }

  public long warnings() {
    return findings.size() - errors();
  }
}
