/**
 * The default knowledge base of dsa-rules: the policy's rules, precompiled into Drools' executable model.
 * It has no Java API; an application requires it so that the module (and so the rules) is resolved, and
 * {@code DsaRules} finds the rules through the class loader. Its Java packages are for the authors' side and
 * the project's own tools, not for applications, so none is exported: {@code org.dsarules.kb.scenario} (the
 * scenario files {@code dsa-audit test} runs) and {@code org.dsarules.kb.generate} (the seeded generator).
 *
 * <p>An open module: Drools loads the generated rule classes by name and instantiates them reflectively,
 * and reads the rule files beside them as resources; the generated packages are named by hashes of the
 * rules, so they cannot be listed here one by one.
 */
open module org.dsarules.kb {
    requires org.dsarules.core;
    // The scenario runner reads scenario files with Jackson, as core does.
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.kie.api;
    requires org.drools.canonicalmodel;
    requires org.drools.modelcompiler;
    requires org.drools.core;
    requires org.drools.base;
    requires org.drools.util;
}
