package org.dsarules.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dsarules.model.Agreement;
import org.dsarules.model.HistoryEntry;
import org.dsarules.model.IcbAssessment;
import org.dsarules.model.LegalRequirement;
import org.dsarules.model.Party;
import org.dsarules.model.Practice;
import org.dsarules.model.Register;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The records that write out equals and hashCode (so that JDK 17 does not pin their class loader) keep a
 * record's meaning: equal exactly when every component is equal. A component added later and forgotten in
 * equals fails here.
 */
class WrittenOutEqualsTest {
    private static final List<Class<?>> RECORDS = List.of(AsOf.class, Campaign.class, ConfidentialityBasis.class,
            Duty.class, IcbQuestion.class, Note.class, Proposal.class, Purposes.class, RaisedFlag.class, Unknown.class, FromCatalogue.class,
            Agreement.class, HistoryEntry.class, IcbAssessment.class, LegalRequirement.class, Party.class,
            Practice.class, Register.class);

    @TestFactory
    Stream<DynamicTest> equalExactlyWhenEveryComponentIs() {
        return RECORDS.stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            Object a = canonical.newInstance(values(components, -1));
            Object b = canonical.newInstance(values(components, -1));
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            assertEquals(a.toString(), b.toString());
            for (int i = 0; i < components.length; i++) {
                Object c = canonical.newInstance(values(components, i));
                assertNotEquals(a, c, type.getSimpleName() + "." + components[i].getName() + " is not compared");
            }
        }));
    }

    private static Object[] values(RecordComponent[] components, int changed) {
        Object[] out = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            out[i] = value(components[i].getType(), components[i].getGenericType(), i == changed);
        }
        return out;
    }

    private static Object value(Class<?> type, Type generic, boolean second) {
        if (type == String.class) {
            return second ? "b" : "a";
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 6, second ? 16 : 15);
        }
        if (type == boolean.class || type == Boolean.class) {
            return second;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[second ? 1 : 0];
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            list.add(value((Class<?>) element, element, false));
            if (second) {
                list.add(value((Class<?>) element, element, true));
            }
            return list;
        }
        if (type == Map.class) {
            // A map's values may be maps themselves (Register.ownColumns: agreement id -> column -> cell).
            Type valueType = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : String.class;
            Class<?> valueClass = valueType instanceof ParameterizedType vp ? (Class<?>) vp.getRawType() : (Class<?>) valueType;
            return second ? Map.of("k", valueClass == Object.class ? "v" : value(valueClass, valueType, true)) : Map.of();
        }
        if (type == Agreement.class) {
            return Agreement.builder(second ? "B" : "A").build();
        }
        if (type == Party.class) {
            return Party.of(second ? "b" : "a", null, null);
        }
        if (type == HistoryEntry.class) {
            return new HistoryEntry(LocalDate.of(2026, 1, second ? 2 : 1), "status", null, null, null);
        }
        if (type == Practice.class) {
            return new Practice(second ? "B" : "A", null, null);
        }
        if (type == LegalRequirement.class) {
            return new LegalRequirement(null, second ? "b" : "a", null);
        }
        if (type == IcbAssessment.class) {
            return new IcbAssessment(null, null, LocalDate.of(2026, 1, second ? 2 : 1), null);
        }
        throw new IllegalStateException("no sample value for " + type);
    }
}
