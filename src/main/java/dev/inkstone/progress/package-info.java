/** How long work (publishing, external link checks) tells the command line how far it got. */
package dev.inkstone.progress;
