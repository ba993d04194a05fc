/**
 * The default knowledge base of dsa-rules: the policy's rules, precompiled into Drools' executable model.
 * It has no Java API; an application requires it so that the module (and so the rules) is resolved, and
 * {@code DsaRules} finds the rules through the class loader.
 *
 * <p>An open module: Drools loads the generated rule classes by name and instantiates them reflectively,
 * and reads the rule files beside them as resources; the generated packages are named by hashes of the
 * rules, so they cannot be listed here one by one.
 */
open module org.dsarules.kb {
    requires org.dsarules.core;
    requires org.kie.api;
    requires org.drools.canonicalmodel;
    requires org.drools.modelcompiler;
    requires org.drools.core;
    requires org.drools.base;
    requires org.drools.util;
}
