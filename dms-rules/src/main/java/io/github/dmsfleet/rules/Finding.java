package io.github.dmsfleet.rules;

/**
 * One thing wrong in a document, such as a table mapping.
 *
 * @param line the line it is on, counting from 1; 0 when it concerns the whole document
 * @param message what is wrong, with the bad value and the fix
 */
public record Finding(int line, String message) {}
