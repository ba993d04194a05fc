/** Exceptions dsa-rules throws: the input as a whole is unreadable, or the rules do not compile. */
package org.dsarules.exception;
