package dev.pgtestkit.sync;

/**
 * What a git operation on the dumps did.
 *
 * @param changed whether it changed anything (a commit made, commits pushed or pulled)
 * @param commit  the commit HEAD points to afterwards (full id), or {@code null} in a repository without commits
 * @param summary one line for people: what was done, or why nothing was
 */
public record GitResult(boolean changed, String commit, String summary) {}
