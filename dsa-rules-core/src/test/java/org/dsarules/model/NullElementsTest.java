package org.dsarules.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** issue 28 item 8: a null element of a list or varargs is refused by its position, not with a bare NPE. */
class NullElementsTest {
    private static final Party P = Party.of("NHS England", PartyKind.NHS_ENGLAND, PartyRole.CONTROLLER);

    @Test
    void varargsNameThePosition() {
        assertEquals("parties[1] is null", assertThrows(NullPointerException.class,
                () -> Agreement.builder("A").parties(P, null)).getMessage());
        assertEquals("purposes[0] is null", assertThrows(NullPointerException.class,
                () -> Agreement.builder("A").purposes(null, Purpose.RESEARCH)).getMessage());
        assertEquals("article6Bases[2] is null", assertThrows(NullPointerException.class,
                () -> Agreement.builder("A").article6Bases(Article6Basis.E, Article6Basis.F, null)).getMessage());
        assertEquals("article9Conditions[0] is null", assertThrows(NullPointerException.class,
                () -> Agreement.builder("A").article9Conditions((Article9Condition) null)).getMessage());
    }

    @Test
    void listsNameThePositionToo() {
        assertEquals("parties[2] is null", assertThrows(NullPointerException.class,
                () -> Agreement.builder("A").parties(Arrays.asList(P, P, null)).build()).getMessage());
        assertEquals("purposes[1] is null", assertThrows(NullPointerException.class,
                () -> Agreement.builder("A").purposes(Arrays.asList(Purpose.RESEARCH, null)).build()).getMessage());
    }
}
