package org.dsarules.round.documents;

import org.dsarules.model.Agreement;
import org.dsarules.model.HistoryEntry;

/**
 * The ICB's own words on its answers, as the register's history keeps them (record-format.md v1.2: an
 * applied questionnaire row's {@code comment}), for the documents that report its reply.
 */
public final class IcbComments {
    private IcbComments() {
    }

    /** The comment of the latest history entry for {@code field} that has one, or null. */
    public static String latest(Agreement a, String field) {
        if (a.history() == null) {
            return null;
        }
        for (int k = a.history().size() - 1; k >= 0; k--) {
            HistoryEntry h = a.history().get(k);
            if (h.field().equals(field) && h.comment() != null && !h.comment().isBlank()) {
                return h.comment().strip();
            }
        }
        return null;
    }

    /** The comment of the latest history entry of any field that has one, with its field; or null. */
    public static HistoryEntry latestAny(Agreement a) {
        if (a.history() == null) {
            return null;
        }
        for (int k = a.history().size() - 1; k >= 0; k--) {
            HistoryEntry h = a.history().get(k);
            if (h.comment() != null && !h.comment().isBlank()) {
                return h;
            }
        }
        return null;
    }
}
