package org.dsarules.model;

/** The practice whose register this is; carried into the decision document as given. */
public record Practice(String odsCode, String name, String icb) {
}
