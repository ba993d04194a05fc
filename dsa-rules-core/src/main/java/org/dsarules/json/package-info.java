/**
 * The decision document as JSON ({@link org.dsarules.json.DecisionDocumentWriter}, record-format.md
 * "Output: decisions"). Registers in JSON are read and written by {@code org.dsarules.register.json} (not exported).
 */
package org.dsarules.json;
