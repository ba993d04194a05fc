package org.dsarules.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.decision.ErrorCode;
import org.dsarules.decision.RecordError;
import org.dsarules.decision.TraceLevel;
import org.dsarules.decision.KnowledgeBaseInfo;
import org.dsarules.decision.Summary;
import org.dsarules.engine.AuditSink;
import org.dsarules.engine.CollectingSink;
import org.dsarules.kb.generate.AgreementGenerator;
import org.dsarules.model.Agreement;
import org.dsarules.model.Practice;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming audit decides several chunks at once (issue 14) and renders only the trace a level
 * keeps. Whatever the threads, the level and the register's size, every record reaches the sink once,
 * in input order, with exactly the decision a single {@code decide(...).withTrace(level)} gives; a source
 * that breaks off still hands everything read before the break.
 */
class AuditPipelineTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    /** Over three chunks of 1,024, the last one partial, with records in error among them. */
    private static final int COUNT = 3_000;

    static Stream<Arguments> configurations() {
        List<Arguments> out = new ArrayList<>();
        for (TraceLevel level : TraceLevel.values()) {
            out.add(Arguments.of("parallel, common pool", level));
            out.add(Arguments.of("parallel, own executor", level));
            out.add(Arguments.of("sequential", level));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, trace {1}")
    @MethodSource("configurations")
    void everyRecordOnceInOrderWithTheDecisionOfDecide(String mode, TraceLevel level) {
        ExecutorService pool = mode.endsWith("own executor") ? Executors.newFixedThreadPool(3) : null;
        DsaRules.Builder b = DsaRules.builder().parallel(!mode.equals("sequential"));
        if (pool != null) {
            b.executor(pool);
        }
        List<RegisterEntry> entries = entries(COUNT);
        try (DsaRules rules = b.build()) {
            CollectingSink sink = new CollectingSink();
            rules.audit(source(entries, -1), AS_OF, level, sink);
            AuditResult result = sink.result();
            List<Decision> expected = new ArrayList<>();
            List<Integer> errors = new ArrayList<>();
            for (RegisterEntry e : entries) {
                if (e instanceof RegisterEntry.Valid v) {
                    expected.add(rules.decide(v.agreement(), AS_OF).withTrace(level));
                } else {
                    errors.add(((RegisterEntry.Invalid) e).error().index());
                }
            }
            assertEquals(expected, result.decisions());
            assertEquals(errors, result.errors().stream().map(RecordError::index).toList());
            assertEquals(COUNT, result.summary().total());
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aSourceThatBreaksOffHandsWhatWasReadBeforeTheBreak() {
        List<RegisterEntry> entries = entries(COUNT);
        int breakAt = 2_500; // inside the third chunk, with two chunks decided or in flight
        try (DsaRules rules = DsaRules.defaults()) {
            List<String> handed = new ArrayList<>();
            AuditSink sink = new AuditSink() {
                @Override
                public void start(KnowledgeBaseInfo kb, LocalDate asOf, TraceLevel level, Practice practice) {
                }

                @Override
                public void decision(Decision d) {
                    handed.add(d.dsaId());
                }

                @Override
                public void error(RecordError e) {
                    handed.add(e.dsaId());
                }

                @Override
                public void finish(Practice practice, Summary summary) {
                    handed.add("(finished)");
                }
            };
            IllegalStateException thrown = new IllegalStateException("the input broke off");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> rules.audit(source(entries, breakAt, thrown), AS_OF, TraceLevel.DECISIVE, sink));
            assertSame(thrown, e);
            // The two whole chunks read before the break, every record once and in order; the partial
            // third chunk was not decided, and the audit did not finish.
            assertEquals(2_048, handed.size(), "records handed before the break");
            assertTrue(ids(entries.subList(0, 2_048)).equals(handed), "the records handed are the first 2,048, in order");
        }
    }

    /** Generated agreements (distinct ids); every seventh record is in error instead. */
    private static List<RegisterEntry> entries(int count) {
        List<Agreement> agreements = AgreementGenerator.realistic(14).next(count);
        List<RegisterEntry> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i % 7 == 3) {
                out.add(new RegisterEntry.Invalid(new RecordError(i, agreements.get(i).id(), "status", ErrorCode.BAD_ENUM,
                        "\"SIGNED\" is not one of EXISTING, NEW_REQUEST")));
            } else {
                out.add(new RegisterEntry.Valid(i, agreements.get(i)));
            }
        }
        return out;
    }

    private static List<String> ids(List<RegisterEntry> entries) {
        return entries.stream().map(e -> e instanceof RegisterEntry.Valid v ? v.agreement().id()
                : ((RegisterEntry.Invalid) e).error().dsaId()).toList();
    }

    private static RegisterSource source(List<RegisterEntry> entries, int breakAt) {
        return source(entries, breakAt, null);
    }

    private static RegisterSource source(List<RegisterEntry> entries, int breakAt, RuntimeException failure) {
        return new RegisterSource() {
            private int next;

            @Override
            public Practice practice() {
                return null;
            }

            @Override
            public boolean hasNext() {
                return next < entries.size();
            }

            @Override
            public RegisterEntry next() {
                if (next == breakAt) {
                    throw failure;
                }
                return entries.get(next++);
            }

            @Override
            public void close() {
            }
        };
    }
}
