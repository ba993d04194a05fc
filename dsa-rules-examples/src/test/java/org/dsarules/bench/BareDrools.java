package org.dsarules.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dsarules.facts.AsOf;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.model.Agreement;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The floor under {@code DsaRules}: the default knowledge base driven by a bare Drools loop (no listener,
 * no trace, no decision), one agreement at a time, in one of the session strategies of issue 14:
 * <ul>
 * <li>{@code reuse}: one session, the facts deleted after each agreement and the deletions flushed
 * (what the engine does);</li>
 * <li>{@code reuse-unsafe}: the same with {@code ThreadSafeOption.NO};</li>
 * <li>{@code reset}: one session, Drools' internal {@code reset()} after each agreement;</li>
 * <li>{@code fresh}: a new session per agreement, disposed after;</li>
 * <li>{@code pool}: a session from Drools' own {@code KieSessionsPool} per agreement (reset on dispose);</li>
 * <li>{@code stateless}: {@code StatelessKieSession.execute} per agreement.</li>
 * </ul>
 * Usage: {@code BareDrools SECONDS MODE...}: five seconds of warm-up, then five rounds of SECONDS per
 * mode, the best and the median printed. Run by {@code bench/ablation.sh}.
 */
public final class BareDrools {
    private BareDrools() {
    }

    public static void main(String[] a) {
        KieBase kb = KieServices.get().getKieClasspathContainer().getKieBase("dsa-rules");
        List<Agreement> reg = AgreementGenerator.realistic(42).next(10000);
        AsOf asOf = new AsOf(LocalDate.of(2026, 6, 15));
        long seconds = Long.parseLong(a[0]);
        for (String mode : a.length > 1 ? Arrays.copyOfRange(a, 1, a.length) : new String[] {"reuse"}) {
            Runnable[] next = {null};
            long[] n = {0};
            KieSession reused = switch (mode) {
                case "reuse", "reset" -> kb.newKieSession();
                case "reuse-unsafe" -> {
                    KieSessionConfiguration c = KieServices.get().newKieSessionConfiguration();
                    c.setOption(ThreadSafeOption.NO);
                    yield kb.newKieSession(c, null);
                }
                default -> null;
            };
            var pool = mode.equals("pool") ? kb.newKieSessionsPool(1) : null;
            StatelessKieSession stateless = kb.newStatelessKieSession();
            next[0] = () -> {
                Agreement ag = reg.get((int) (n[0]++ % reg.size()));
                switch (mode) {
                    case "reuse", "reuse-unsafe" -> {
                        reused.insert(asOf);
                        reused.insert(ag);
                        reused.fireAllRules();
                        for (FactHandle h : new ArrayList<FactHandle>(reused.getFactHandles())) {
                            reused.delete(h);
                        }
                        reused.fireAllRules(m -> false);
                    }
                    case "reset" -> {
                        reused.insert(asOf);
                        reused.insert(ag);
                        reused.fireAllRules();
                        ((StatefulKnowledgeSessionImpl) reused).reset();
                    }
                    case "fresh" -> {
                        KieSession s = kb.newKieSession();
                        s.insert(asOf);
                        s.insert(ag);
                        s.fireAllRules();
                        s.dispose();
                    }
                    case "pool" -> {
                        KieSession s = pool.newKieSession();
                        s.insert(asOf);
                        s.insert(ag);
                        s.fireAllRules();
                        s.dispose();
                    }
                    case "stateless" -> stateless.execute(List.of(asOf, ag));
                    default -> throw new IllegalArgumentException("unknown mode " + mode);
                }
            };
            for (long warm = System.nanoTime() + 5_000_000_000L; System.nanoTime() < warm; ) {
                next[0].run();
            }
            double[] rates = new double[5];
            for (int r = 0; r < rates.length; r++) {
                long count = 0;
                long t0 = System.nanoTime();
                long end = t0 + seconds * 1_000_000_000L;
                while (System.nanoTime() < end) {
                    next[0].run();
                    count++;
                }
                rates[r] = count / ((System.nanoTime() - t0) / 1e9);
            }
            Arrays.sort(rates);
            System.out.printf("%-13s best %7.0f, median %7.0f agreements/s%n", mode, rates[4], rates[2]);
        }
    }
}
