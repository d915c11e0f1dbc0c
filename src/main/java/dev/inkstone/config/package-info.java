/**
 * Reading configuration-like YAML (front matter, {@code site.yaml}, data files) safely: {@link
 * dev.inkstone.config.YamlReader} is the front door, {@link dev.inkstone.config.YamlValue} the
 * position-keeping result. No YAML 1.1 surprises, no arbitrary classes, bounded work.
 */
package dev.inkstone.config;
