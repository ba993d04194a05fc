/**
 * The documents a practice needs after an audit, rendered from templates (jte, compiled at build time):
 * {@link org.dsarules.documents.Reports#html the HTML audit report}, {@link org.dsarules.documents.Reports#icbLetter
 * the letter to the ICB} (Markdown, text or HTML), {@link org.dsarules.documents.Reports#bmaReferrals the
 * referrals to the BMA} and {@link org.dsarules.documents.Reports#ppgSummary a page for the patient participation
 * group}. Each takes an {@link org.dsarules.decision.AuditResult} and the audited agreements by id. Register data
 * is always escaped for the output it goes into; the HTML needs no network, script, font or image.
 */
package org.dsarules.documents;
