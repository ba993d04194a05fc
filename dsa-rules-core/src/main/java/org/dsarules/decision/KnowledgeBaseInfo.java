package org.dsarules.decision;

/**
 * Which rules produced a decision document.
 *
 * @param name        the knowledge base's name
 * @param version     its version
 * @param fingerprint {@code sha256:} of the rule sources in use and the rules disabled
 */
public record KnowledgeBaseInfo(String name, String version, String fingerprint) {
}
