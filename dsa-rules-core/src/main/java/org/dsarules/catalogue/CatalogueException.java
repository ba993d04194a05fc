package org.dsarules.catalogue;

import org.dsarules.exception.DsaRulesException;

/**
 * A catalogue file or an alias file that cannot be used: unreadable, not JSON or CSV, or an entry or row
 * that breaks the format. The message is one line naming the file, the entry (or line) and the field.
 */
public class CatalogueException extends DsaRulesException {
    private static final long serialVersionUID = 1L;

    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
