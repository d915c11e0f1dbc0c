/** Character classes shared by the stages that read text: related posts, reading time, search. */
package dev.inkstone.text;
