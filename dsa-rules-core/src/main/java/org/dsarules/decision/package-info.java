/**
 * What the engine returns: {@link org.dsarules.decision.Decision} (an outcome paired with the rule that decided
 * it, the red flags, the unknowns and the trace), {@link org.dsarules.decision.RecordError} for records that
 * could not be decided, and the document that holds both.
 */
package org.dsarules.decision;
