/**
 * How decisions are made: the knowledge base and its sessions, the trace recorder built from rule
 * metadata, the one resolution step, and the streaming audit's sink. Most applications only need
 * {@link org.dsarules.DsaRules}.
 */
package org.dsarules.engine;
