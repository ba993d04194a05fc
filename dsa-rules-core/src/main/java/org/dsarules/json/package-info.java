/**
 * The decision document as JSON ({@link org.dsarules.json.DecisionDocumentWriter}, record-format.md
 * "Output: decisions"). Registers in JSON are read and written by {@link org.dsarules.register.json}.
 */
package org.dsarules.json;
