/**
 * Deploys a built site to where it is served: a branch of a git repository, a folder, or an
 * S3-compatible bucket. Every target compares content hashes and sends only what changed; the
 * front door is {@link dev.inkstone.publish.Publisher}.
 */
package dev.inkstone.publish;
