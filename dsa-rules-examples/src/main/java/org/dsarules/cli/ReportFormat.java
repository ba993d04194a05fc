package org.dsarules.cli;

/** The forms of {@code audit}'s report, for one register or (the system report) several. */
enum ReportFormat { text, json, html, xlsx }
