package dev.inkstone.site;

import dev.inkstone.related.RelatedInput;
import dev.inkstone.related.RelatedPosts;
import java.util.List;

/**
 * Where the assembler gets each post's related posts. A build computes them; the preview server
 * may answer from its previous result while it recomputes them in the background.
 */
@FunctionalInterface
public interface RelatedSource {

  /** Computes related posts from scratch, as every build does. */
  RelatedSource COMPUTE = (posts, inputs, k) -> RelatedPosts.compute(inputs, k);

  /**
   * @param posts the posts, newest first
   * @param inputs what relatedness is computed from, one per post in the same order
   * @param k the most related posts per post
   * @return for each post the indexes of its related posts, best first
   */
  List<List<Integer>> related(List<Page> posts, List<RelatedInput> inputs, int k);
}
