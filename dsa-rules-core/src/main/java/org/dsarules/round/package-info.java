/**
 * The campaign's second round: after the practice's first letter, the ICB's answers come in and the
 * practice decides again.
 *
 * <p>{@link org.dsarules.round.Questionnaire} turns an audit into the ICB questionnaire of
 * {@code record-format.md} v1.1 (a row per question, the field it answers as a path, the values
 * allowed) and reads one back, as CSV or, through {@link org.dsarules.round.QuestionnaireWorkbook}, as
 * an Excel workbook; {@link org.dsarules.round.Answers} applies an answered questionnaire
 * to one register or to several, recording each applied answer in the agreement's {@code history};
 * {@link org.dsarules.round.RegisterDiff} says what changed between two registers of one practice and
 * what that did to each decision; {@link org.dsarules.round.FieldPaths} names an agreement's facts by
 * path for both; {@link org.dsarules.round.Programmes} gives the key under which agreements of
 * different practices are the same programme.
 */
package org.dsarules.round;
