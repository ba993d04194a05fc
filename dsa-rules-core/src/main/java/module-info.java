/**
 * dsa-rules: decides, agreement by agreement, what a GP practice in England should do with its data
 * sharing agreements. Start with {@link org.dsarules.DsaRules}.
 *
 * <p>Exports the public API of docs/api.md, and {@code org.dsarules.facts}, the vocabulary the rules
 * insert: the knowledge base's compiled rules, and rules compiled at run time, are code outside this
 * module that names those types. The fact model and the facts are opened to Drools, which reads them by
 * reflection. Drools' jars are automatic modules (they name themselves with Automatic-Module-Name).
 */
module org.dsarules.core {
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    requires org.slf4j;
    // Drools, to build a KieBase from the executable model and run sessions on it. No public signature
    // names a Drools type, so an application need not read these modules itself.
    requires org.kie.api;
    requires org.drools.canonicalmodel;
    requires org.drools.modelcompiler;
    requires org.drools.core;
    requires org.drools.compiler;
    requires org.drools.kiesession;
    requires org.drools.tms;
    requires org.drools.wiring.api;
    // Optional, as in the pom: compiling rule files at run time, and .xlsx registers. An application on
    // the module path that uses them adds the modules (--add-modules, or requires in its own module).
    requires static org.drools.model.codegen;
    requires static org.drools.engine;
    requires static org.drools.xml.support;
    // The lint of rules compiled at run time reads them with Drools' own DRL parser (RuleLint).
    requires static org.drools.drl.parser;
    requires static org.drools.drl.ast;
    requires static org.apache.poi.poi;
    requires static org.apache.poi.ooxml;

    exports org.dsarules;
    exports org.dsarules.model;
    exports org.dsarules.decision;
    exports org.dsarules.exception;
    exports org.dsarules.json;
    exports org.dsarules.register;
    exports org.dsarules.engine;
    exports org.dsarules.round;
    exports org.dsarules.catalogue;
    exports org.dsarules.facts;
    // Not API: the helpers the knowledge base's scenario runner (org.dsarules.kb.scenario, the authors'
    // side) shares with the library: "did you mean" and the Jackson mapper on its own buffer pool.
    exports org.dsarules.internal to org.dsarules.kb;

    // Read to tell an uber-jar that lost a service entry (RuleCompilerSupport).
    uses org.drools.wiring.api.ComponentsSupplier;

    opens org.dsarules.model;
    opens org.dsarules.facts;
}
