/**
 * dsa-rules: decides, agreement by agreement, what a GP practice in England should do with its data
 * sharing agreements, and explains why. Start with {@link org.dsarules.DsaRules}.
 */
package org.dsarules;
