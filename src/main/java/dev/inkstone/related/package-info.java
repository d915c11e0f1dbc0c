/**
 * Finds, for every post, the few other posts most related to it, by shared tags and categories
 * and by TF-IDF text similarity that works on mixed Chinese and English.
 *
 * <p>The front door is {@link dev.inkstone.related.RelatedPosts#compute}. Results depend only on
 * the input: not on thread count, scheduling or hash-map iteration order.
 */
package dev.inkstone.related;
