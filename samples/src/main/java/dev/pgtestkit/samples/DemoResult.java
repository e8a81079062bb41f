package dev.pgtestkit.samples;

import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.querylog.QueryLog;

/**
 * What the demo did, for its test.
 *
 * @param registry      the schema as read after migrating
 * @param generatedRows rows the mock generator loaded
 * @param dashboards    the query logs of the dashboard with one query per user, and with one query
 * @param usage         usage_logs counted around the test transaction
 */
record DemoResult(SchemaRegistry registry, long generatedRows, Dashboards dashboards, UsageCounts usage) {

    record Dashboards(QueryLog perUser, QueryLog batched) {
    }

    record UsageCounts(long before, long insideTransaction, long after) {
    }
}
