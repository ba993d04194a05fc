/**
 * Helpers shared by this library's own packages (nearest-name suggestions, strict UTF-8 input). Not
 * public API: they may change or go in any release (see docs/api.md).
 */
package org.dsarules.internal;
