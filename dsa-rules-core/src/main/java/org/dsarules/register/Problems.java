package org.dsarules.register;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.dsarules.decision.ErrorCode;

/**
 * Every problem found in one record, in document order: the first in full with its code, the paths
 * of the others, so that one error describes everything wrong with the record.
 */
final class Problems {
    private static final int MAX_NAMED = 10;

    private final List<String> paths = new ArrayList<>();
    private String first;
    private ErrorCode firstCode;
    private int count;

    void add(String path, ErrorCode code, String message) {
        if (first == null) {
            first = path + ": " + message;
            firstCode = code;
        }
        if (!paths.contains(path)) {
            paths.add(path);
        }
        count++;
    }

    int count() {
        return count;
    }

    /** The path of the first bad field. */
    String firstPath() {
        return paths.get(0);
    }

    ErrorCode firstCode() {
        return firstCode;
    }

    /** The first problem in full, then the paths of the others. */
    String message() {
        if (paths.size() == 1) {
            return first;
        }
        List<String> others = paths.subList(1, paths.size());
        String named = others.stream().limit(MAX_NAMED).collect(Collectors.joining(", "));
        String more = others.size() > MAX_NAMED ? " and " + (others.size() - MAX_NAMED) + " more" : "";
        return first + "; also bad: " + named + more;
    }
}
