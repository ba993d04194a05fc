package org.dsarules.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The factories for the nested values give exactly what the canonical constructors give. */
class FactoriesTest {
    @Test
    void party() {
        assertEquals(new Party("Acme", PartyKind.COMMERCIAL, PartyRole.CONTROLLER, null, null),
                Party.of("Acme", PartyKind.COMMERCIAL, PartyRole.CONTROLLER));
        assertEquals(new Party("Orbit", PartyKind.COMMERCIAL, PartyRole.PROCESSOR, Party.PRACTICE, true),
                Party.processor("Orbit", PartyKind.COMMERCIAL, Party.PRACTICE).withDirectCareProvider(true));
        assertEquals("ICB", Party.of("X", null, PartyRole.PROCESSOR).withInstructedBy("ICB").instructedBy());
        assertThrows(NullPointerException.class, () -> Party.of(null, null, null));
        assertThrows(IllegalArgumentException.class, () -> Party.of(" ", null, null));
    }

    @Test
    void legalRequirement() {
        LocalDate d = LocalDate.of(2027, 3, 31);
        assertEquals(new LegalRequirement(RequirementKind.STATUTORY_DIRECTION, "s259 direction", d),
                LegalRequirement.of(RequirementKind.STATUTORY_DIRECTION, "s259 direction").withExpiresOn(d));
        assertNull(LegalRequirement.of(RequirementKind.STATUTORY_DIRECTION, " ").reference());
    }

    @Test
    void icbAssessment() {
        LocalDate asked = LocalDate.of(2026, 5, 2);
        LocalDate replied = LocalDate.of(2026, 6, 1);
        assertEquals(new IcbAssessment(IcbStatus.NOT_REQUESTED, null, null, null), IcbAssessment.notRequested());
        assertEquals(new IcbAssessment(IcbStatus.REQUESTED, null, asked, null), IcbAssessment.requested(asked));
        IcbAssessment r = IcbAssessment.received(IcbConclusion.values()[0], asked, replied);
        assertEquals(new IcbAssessment(IcbStatus.RECEIVED, IcbConclusion.values()[0], asked, replied), r);
        assertEquals(IcbConclusion.values()[0], r.receivedConclusion());
    }
}
