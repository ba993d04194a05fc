/**
 * The documents of the campaign's second round and of a system of practices: the follow-up letter to
 * the ICB once it has replied, the system report across an LMC's practices, and the LMC's system
 * letter to the ICB. They read decisions and agreements (see {@link org.dsarules.round}), never
 * rule facts.
 */
package org.dsarules.round.documents;
