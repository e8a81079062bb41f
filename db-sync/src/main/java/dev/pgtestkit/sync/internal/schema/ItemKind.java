package dev.pgtestkit.sync.internal.schema;

/**
 * The kinds of item a schema script holds, in the order the scripts list them when no dependency says otherwise
 * (the rank), and the script each belongs to. The label is what the item's header line says.
 */
enum ItemKind {
    SCHEMA("SCHEMA", 0, false),
    EXTENSION("EXTENSION", 1, false),
    TYPE("TYPE", 2, false),
    DOMAIN("DOMAIN", 2, false),
    FUNCTION("FUNCTION", 3, false),
    PROCEDURE("PROCEDURE", 3, false),
    SEQUENCE("SEQUENCE", 4, false),
    TABLE("TABLE", 5, false),
    SEQUENCE_OWNED_BY("SEQUENCE OWNED BY", 6, false),
    VIEW("VIEW", 7, false),
    MATERIALIZED_VIEW("MATERIALIZED VIEW", 7, false),
    CONSTRAINT("CONSTRAINT", 10, true),
    INDEX("INDEX", 11, true),
    INDEX_ATTACH("INDEX ATTACH", 12, true),
    CHECK_CONSTRAINT("CHECK CONSTRAINT", 13, true),
    FK_CONSTRAINT("FK CONSTRAINT", 14, true),
    TRIGGER("TRIGGER", 15, true),
    SEQUENCE_SET("SEQUENCE SET", 16, true),
    MATERIALIZED_VIEW_DATA("MATERIALIZED VIEW DATA", 17, true);

    final String label;
    final int rank;
    final boolean postData;

    ItemKind(String label, int rank, boolean postData) {
        this.label = label;
        this.rank = rank;
        this.postData = postData;
    }
}
