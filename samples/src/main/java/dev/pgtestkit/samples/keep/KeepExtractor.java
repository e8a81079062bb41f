package dev.pgtestkit.samples.keep;

import java.util.List;

/** The Keep Extractor service (HTTP in the seed): the user's notes. */
public interface KeepExtractor {

    /** Every note of the account the token opens. */
    List<KeepNote> fetchNotes(String googleOauthToken);
}
