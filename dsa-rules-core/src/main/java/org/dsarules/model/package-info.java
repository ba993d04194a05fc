/**
 * The fact model: a register of data sharing agreements as {@code record-format.md} defines it.
 * Immutable records; a null component means <em>not known</em>, never a default.
 */
package org.dsarules.model;
