package org.dsarules.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.facts.AsOf;
import org.dsarules.generate.AgreementGenerator;
import org.dsarules.model.Agreement;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
/**
 * The floor under {@code DsaRules}: the default knowledge base driven by a bare Drools loop (insert,
 * fire, delete; no listener, no trace). Usage: {@code BareDrools SECONDS}. Run by {@code bench/ablation.sh}.
 */
public final class BareDrools {
    private BareDrools() {
    }

    public static void main(String[] a) {
        var kb = KieServices.get().getKieClasspathContainer().getKieBase("dsa-rules");
        KieSession s = kb.newKieSession();
        List<Agreement> reg = AgreementGenerator.realistic(42).next(10000);
        AsOf asOf = new AsOf(LocalDate.of(2026, 6, 15));
        long end = System.nanoTime() + Long.parseLong(a[0]) * 1_000_000_000L;
        long n = 0, fired = 0; long t0 = System.nanoTime();
        boolean flush = a.length < 2;
        while (System.nanoTime() < end) {
            s.insert(asOf); s.insert(reg.get((int) (n++ % reg.size())));
            fired += s.fireAllRules();
            for (FactHandle h : new ArrayList<FactHandle>(s.getFactHandles())) s.delete(h);
            if (flush) s.fireAllRules(m -> false);
        }
        System.out.println(n / ((System.nanoTime() - t0) / 1e9) + " decisions/s, firings/agreement " + (double) fired / n);
    }
}
