/**
 * Bounded memory for what an audit must hold until its end: a {@link org.dsarules.spool.Spool} keeps lines
 * of text in memory while they are few and in a private temporary file once they are many, so that a
 * register with millions of records in error is reported in full within a small heap.
 */
package org.dsarules.spool;
