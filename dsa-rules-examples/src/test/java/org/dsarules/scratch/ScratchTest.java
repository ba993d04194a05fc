package org.dsarules.scratch;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dsarules.DsaRules;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.ast.descr.*;
import org.junit.jupiter.api.Test;

class ScratchTest {
    static final String H = "package org.dsarules.local;\nimport org.dsarules.facts.*;\nimport org.dsarules.model.*;\n\n";

    void attempt(String name, String drl) throws Exception {
        Path dir = Files.createTempDirectory("s");
        Files.writeString(dir.resolve("local.drl"), H + drl);
        System.out.println("=== " + name);
        try {
            DsaRules.builder().rulesOnly(dir).build();
            System.out.println("compiled OK");
        } catch (Exception e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    void dump(BaseDescr d, String indent) {
        String extra = "";
        if (d instanceof PatternDescr p) extra = " type=" + p.getObjectType() + " id=" + p.getIdentifier() + " source=" + (p.getSource() == null ? null : p.getSource().getClass().getSimpleName() + ":" + p.getSource().getText());
        if (d instanceof ExprConstraintDescr e) extra = " expr=" + e.getExpression();
        System.out.println(indent + d.getClass().getSimpleName() + " @" + d.getLine() + ":" + d.getColumn() + " start=" + d.getStartCharacter() + extra);
        if (d instanceof ConditionalElementDescr c) for (BaseDescr x : c.getDescrs()) dump(x, indent + "  ");
        if (d instanceof PatternDescr p) for (BaseDescr x : p.getDescrs()) dump(x, indent + "  ");
    }

    void raw(String name, String drl) {
        var ks = org.kie.api.KieServices.get();
        var kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(ks.newReleaseId("x", "y", "1"));
        kfs.write("src/main/resources/org/dsarules/local/r0.drl", (H + drl).getBytes());
        System.out.println("=== RAW " + name);
        try {
            for (var m : ks.newKieBuilder(kfs).buildAll(org.drools.model.codegen.ExecutableModelProject.class).getResults().getMessages()) {
                String t = m.getText();
                System.out.println("MSG " + m.getLevel() + " path=" + m.getPath() + " line=" + m.getLine() + " col=" + m.getColumn() + " text=" + (t.length() > 3000 ? t.substring(0, 3000) : t));
            }
        } catch (RuntimeException e) {
            System.out.println("THROWN " + e);
        }
    }

    @Test
    void run() throws Exception {
        raw("getName", """
                rule "a"
                    @citation("x")
                when
                    $a: Agreement( )
                    $p: Party( ) from $a.partyList()
                then
                    System.out.println($p.getName());
                end
                """);
        raw("nmae", """
                rule "a"
                    @citation("x")
                when
                    $a: Agreement( )
                    Party( name.contains("x"), isNamed(nmae) ) from $a.partyList()
                then
                end
                """);
        raw("programe", """
                rule "a"
                    @citation("x")
                when
                    $a: Agreement( programe.equalsIgnoreCase("CPRD") )
                then
                end
                """);
        attempt("in with wrong enum", """
                rule "a"
                    @citation("x")
                when
                    Agreement( status in (Status.EXISTING, PracticeRole.CONTROLLER) )
                then
                end
                """);
        attempt("string vs enum", """
                rule "a"
                    @citation("x")
                when
                    $a: Agreement( )
                    Party( instructedBy == PartyKind.COMMERCIAL ) from $a.partyList()
                then
                end
                """);
        attempt("or wrong enum", """
                rule "a"
                    @citation("x")
                when
                    Agreement( status == Status.EXISTING || practiceRole == Status.EXISTING )
                then
                end
                """);
        attempt("Object compare", """
                rule "a"
                    @citation("x")
                when
                    Purposes( value == DutyStatus.MANDATORY )
                then
                end
                """);
    }
}
