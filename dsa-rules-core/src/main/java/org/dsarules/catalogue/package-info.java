/**
 * The catalogue of known programmes ({@code record-format.md} v1.2): public, fixed facts about national
 * data flows (a direction that compels a collection, a service that is for direct care only, who the
 * controller is), each with the addresses of the pages that state it and the date they were checked,
 * filled into the agreements whose register leaves them not known.
 *
 * <p>{@link org.dsarules.catalogue.Catalogue} loads the catalogue shipped in {@code dsa-rules-kb} and a
 * local one, resolves an agreement to its entry and fills it, giving a
 * {@link org.dsarules.catalogue.CatalogueFill} (the filled agreement, the fields filled and their
 * sources, and the {@link org.dsarules.catalogue.CatalogueConflict}s with the register);
 * {@link org.dsarules.catalogue.ProgrammeKey} is the key under which two names are the same programme, and
 * {@link org.dsarules.catalogue.ProgrammeAliases} the table of other names for one. The catalogue is
 * information to check, not legal advice.
 */
package org.dsarules.catalogue;
