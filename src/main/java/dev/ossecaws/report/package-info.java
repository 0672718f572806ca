/**
 * The replay's report: one self-contained HTML page of a replay's alerts (charts by Apache ECharts,
 * inlined), built from bounded aggregates and the highest-level alerts, never from every alert.
 */
package dev.ossecaws.report;
