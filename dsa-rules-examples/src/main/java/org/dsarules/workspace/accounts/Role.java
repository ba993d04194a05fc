package org.dsarules.workspace.accounts;

import java.util.Locale;

/** What an account may do: an LMC officer sees and changes every practice; a practice manager only their own. */
public enum Role {
    LMC_OFFICER("lmc-officer", "LMC officer"),
    PRACTICE_MANAGER("practice-manager", "practice manager");

    /** As the command line writes it. */
    public final String option;
    /** As pages say it. */
    public final String words;

    Role(String option, String words) {
        this.option = option;
        this.words = words;
    }

    /** The role named as the command line writes it, or null. */
    public static Role of(String option) {
        String o = option == null ? "" : option.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Role r : values()) {
            if (r.option.equals(o)) {
                return r;
            }
        }
        return null;
    }
}
