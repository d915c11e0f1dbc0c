/**
 * Reads the site's configuration ({@code site.yaml}) and YAML in general, without YAML 1.1's
 * surprises, keeping the place of every value for error messages.
 */
package dev.inkstone.config;
