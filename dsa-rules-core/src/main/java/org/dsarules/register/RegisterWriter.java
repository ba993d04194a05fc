package org.dsarules.register;

import java.io.IOException;
import java.io.OutputStream;
import org.dsarules.model.Register;

/**
 * Writes a whole register in one of its forms, so that what reads back is the same register: the
 * practice block, every agreement and its history. For tools that write a register of their own
 * (applying answers writes the new register in the input's own form). Get one with
 * {@link RegisterFiles#writer(RegisterFiles.Format)}.
 */
public interface RegisterWriter {
    /**
     * Writes the register to {@code out} and flushes it; does not close it.
     *
     * @throws IOException              when the output fails
     * @throws IllegalArgumentException when the register holds something this form cannot carry,
     *                                  naming the agreement and the field
     */
    void write(Register register, OutputStream out) throws IOException;
}
