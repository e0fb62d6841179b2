import GRDB

/// The store's schema, created and upgraded by named migrations (never edited once released).
enum StoreSchema {
    /// - Parameter location: the store's path, for the progress of a long migration.
    static func migrator(location: String) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-feedback-quarantine-ingest-log") { db in
            try db.execute(sql: """
                CREATE TABLE ingest_run (
                    id INTEGER PRIMARY KEY,
                    started_at REAL NOT NULL,
                    finished_at REAL,
                    command TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'running'
                );
                CREATE TABLE ingest_file (
                    id INTEGER PRIMARY KEY,
                    run_id INTEGER NOT NULL REFERENCES ingest_run(id),
                    path TEXT NOT NULL,
                    format TEXT NOT NULL,
                    detail TEXT NOT NULL,
                    read INTEGER NOT NULL,
                    accepted INTEGER NOT NULL,
                    quarantined INTEGER NOT NULL,
                    skipped INTEGER NOT NULL,
                    already_stored INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    error TEXT
                );
                -- Rows are appended in rowid order; the random-looking keys live only in the small unique index.
                -- (A WITHOUT ROWID table keyed by them rewrote one leaf page per row: 22k rows/s at 600k rows.)
                CREATE TABLE feedback (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL UNIQUE,
                    channel TEXT NOT NULL,
                    source_file TEXT NOT NULL,
                    source_line INTEGER,
                    source_record INTEGER,
                    response_id TEXT,
                    account_id TEXT,
                    account_name TEXT,
                    respondent_email TEXT,
                    submitted_at REAL,
                    nps_state INTEGER,
                    nps INTEGER,
                    csat_state INTEGER,
                    csat INTEGER,
                    csat_scale TEXT,
                    csat_good INTEGER,
                    csat_unit REAL,
                    ces_state INTEGER,
                    ces INTEGER,
                    ces_scale TEXT,
                    ces_good INTEGER,
                    ces_unit REAL,
                    comment TEXT,
                    language TEXT,
                    run_id INTEGER NOT NULL
                );
                CREATE INDEX feedback_account ON feedback(account_id, submitted_at);
                CREATE TABLE quarantine (
                    key TEXT PRIMARY KEY NOT NULL,
                    run_id INTEGER NOT NULL,
                    source_file TEXT NOT NULL,
                    line INTEGER,
                    byte INTEGER,
                    record INTEGER,
                    field TEXT,
                    reason TEXT NOT NULL,
                    detail TEXT NOT NULL,
                    raw BLOB NOT NULL,
                    truncated INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX quarantine_file ON quarantine(source_file, line);
                """)
        }
        migrator.registerMigration("v2-sentiment-signals-topics") { db in
            try db.execute(sql: """
                ALTER TABLE feedback ADD COLUMN sentiment REAL;
                ALTER TABLE feedback ADD COLUMN sentiment_label TEXT;
                ALTER TABLE feedback ADD COLUMN churn INTEGER;
                ALTER TABLE feedback ADD COLUMN effort INTEGER;
                CREATE TABLE feedback_topic (
                    feedback_key TEXT NOT NULL,
                    account_id TEXT,
                    topic TEXT NOT NULL,
                    PRIMARY KEY (feedback_key, topic)
                ) WITHOUT ROWID;
                CREATE INDEX feedback_topic_account ON feedback_topic(account_id, topic);
                """)
        }
        migrator.registerMigration("v3-email-fields") { db in
            try db.execute(sql: """
                ALTER TABLE feedback ADD COLUMN subject TEXT;
                ALTER TABLE feedback ADD COLUMN author_name TEXT;
                ALTER TABLE feedback ADD COLUMN thread TEXT;
                ALTER TABLE feedback ADD COLUMN quoted TEXT;
                """)
        }
        migrator.registerMigration("v4-directory-alerts") { db in
            try db.execute(sql: """
                CREATE TABLE account (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT,
                    segment TEXT,
                    arr REAL,
                    renewal_at REAL,
                    owner TEXT
                ) WITHOUT ROWID;
                CREATE TABLE account_domain (
                    domain TEXT PRIMARY KEY NOT NULL,
                    account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE
                ) WITHOUT ROWID;
                CREATE TABLE alert (
                    id TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL,
                    account_id TEXT,
                    reason TEXT NOT NULL,
                    record_key TEXT,
                    occurred_at REAL,
                    emitted_at REAL NOT NULL,
                    seq INTEGER NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        // Topic rows keyed by the record's row id, so a batch appends them instead of inserting into a B-tree ordered by
        // random-looking keys; the account index was never read (topics are grouped through the feedback row).
        migrator.registerMigration("v5-topics-by-record-id") { db in
            try giveFeedbackRowIDs(db)
            try db.execute(sql: """
                CREATE TABLE feedback_topic_by_id (
                    feedback_id INTEGER NOT NULL,
                    topic TEXT NOT NULL,
                    PRIMARY KEY (feedback_id, topic)
                ) WITHOUT ROWID;
                INSERT INTO feedback_topic_by_id (feedback_id, topic)
                    SELECT f.id, t.topic FROM feedback_topic t JOIN feedback f ON f.key = t.feedback_key;
                DROP TABLE feedback_topic;
                ALTER TABLE feedback_topic_by_id RENAME TO feedback_topic;
                """)
        }
        // Per-group sums kept with the records (`RollupColumn`), which every account-level query reads instead of them:
        // each ingest batch appends its groups' sums to the delta table in its own transaction, and the end of a run
        // folds them into the one row per group (built from the records by v7). And how far `voc alerts` has looked.
        migrator.registerMigration("v6-rollups-alert-progress") { db in
            // A group's totals, then its day series and label counts: the same in both rollup tables.
            let columns = """
                responses INTEGER NOT NULL,
                promoters INTEGER NOT NULL,
                passives INTEGER NOT NULL,
                detractors INTEGER NOT NULL,
                nps_blank INTEGER NOT NULL,
                nps_na INTEGER NOT NULL,
                csat_n INTEGER NOT NULL,
                csat_good INTEGER NOT NULL,
                csat_sum INTEGER NOT NULL,
                csat_sq INTEGER NOT NULL,
                csat_blank INTEGER NOT NULL,
                csat_na INTEGER NOT NULL,
                csat_scale_low TEXT,
                csat_scale_high TEXT,
                ces_n INTEGER NOT NULL,
                ces_good INTEGER NOT NULL,
                ces_sum INTEGER NOT NULL,
                ces_sq INTEGER NOT NULL,
                ces_blank INTEGER NOT NULL,
                ces_na INTEGER NOT NULL,
                ces_scale_low TEXT,
                ces_scale_high TEXT,
                first_at REAL,
                last_at REAL,
                comments INTEGER NOT NULL,
                scored INTEGER NOT NULL,
                sentiment_sum INTEGER NOT NULL,
                negative INTEGER NOT NULL,
                churn INTEGER NOT NULL,
                effort INTEGER NOT NULL,
                account_name TEXT,
                days BLOB NOT NULL,
                labels BLOB NOT NULL
                """
            try db.execute(sql: """
                CREATE TABLE feedback_rollup (
                    account_key TEXT NOT NULL,
                    domain TEXT NOT NULL,
                    \(columns),
                    PRIMARY KEY (account_key, domain)
                ) WITHOUT ROWID;
                CREATE INDEX feedback_rollup_domain ON feedback_rollup(domain);
                CREATE TABLE feedback_rollup_delta (
                    id INTEGER PRIMARY KEY,
                    account_key TEXT NOT NULL,
                    domain TEXT NOT NULL,
                    \(columns)
                );
                CREATE TABLE alert_progress (
                    name TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX alert_seq ON alert(seq);
                """)
        }
        // Each label (topic, language, churn and effort signal) keeps a tally of its records, not only their count, and
        // each group the sum of its squared sentiment: what key drivers and the topics view set against the rest. The
        // rollups are emptied here and built from the records once every migration has run (`buildMissingRollups`),
        // since building reads the columns later migrations add.
        migrator.registerMigration("v7-rollup-label-tallies") { db in
            try db.execute(sql: """
                ALTER TABLE feedback_rollup ADD COLUMN sentiment_sq INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE feedback_rollup_delta ADD COLUMN sentiment_sq INTEGER NOT NULL DEFAULT 0;
                DELETE FROM feedback_rollup;
                DELETE FROM feedback_rollup_delta;
                """)
        }
        // A yes/no would-recommend answer is a measure of its own, beside NPS. No stored record has one yet, so the
        // rollups' zero counts are already right.
        migrator.registerMigration("v8-would-recommend") { db in
            try db.execute(sql: """
                ALTER TABLE feedback ADD COLUMN recommend_state INTEGER;
                ALTER TABLE feedback ADD COLUMN recommend INTEGER;
                ALTER TABLE feedback_rollup ADD COLUMN recommend_n INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE feedback_rollup ADD COLUMN recommend_yes INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE feedback_rollup_delta ADD COLUMN recommend_n INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE feedback_rollup_delta ADD COLUMN recommend_yes INTEGER NOT NULL DEFAULT 0;
                """)
        }
        // In a survey with several open questions, each answer is kept with its question and its own sentiment
        // (`OpenAnswer`); questions are stored once, under a hash of their text.
        migrator.registerMigration("v9-open-answers") { db in
            try db.execute(sql: """
                CREATE TABLE survey_question (
                    id INTEGER PRIMARY KEY NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE TABLE feedback_answer (
                    feedback_key TEXT NOT NULL,
                    ordinal INTEGER NOT NULL,
                    question_id INTEGER NOT NULL,
                    answer TEXT NOT NULL,
                    sentiment REAL,
                    sentiment_label TEXT,
                    sentiment_units INTEGER,
                    sentiment_square_units INTEGER,
                    PRIMARY KEY (feedback_key, ordinal)
                ) WITHOUT ROWID;
                """)
        }
        // The answered rows of rating matrices under a satisfaction or effort question (`AspectRating`).
        migrator.registerMigration("v10-aspect-ratings") { db in
            try db.execute(sql: """
                CREATE TABLE feedback_aspect (
                    feedback_key TEXT NOT NULL,
                    ordinal INTEGER NOT NULL,
                    question_id INTEGER NOT NULL,
                    aspect TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    state INTEGER NOT NULL,
                    rating INTEGER,
                    scale TEXT NOT NULL,
                    good INTEGER,
                    unit_units INTEGER,
                    unit_square_units INTEGER,
                    PRIMARY KEY (feedback_key, ordinal)
                ) WITHOUT ROWID;
                """)
        }
        // Each CRM import kept as a dated snapshot (`voc accounts import --as-of`): what retention and the health
        // backtest read. The directory stays the latest snapshot's, with its domains.
        migrator.registerMigration("v11-account-snapshots") { db in
            try db.execute(sql: """
                CREATE TABLE account_snapshot (
                    as_of REAL NOT NULL,
                    id TEXT NOT NULL,
                    name TEXT,
                    segment TEXT,
                    arr REAL,
                    renewal_at REAL,
                    owner TEXT,
                    status TEXT,
                    PRIMARY KEY (as_of, id)
                ) WITHOUT ROWID;
                """)
        }
        // Each snapshot's accounts keep their domains: the health backtest matches feedback with the directory of the
        // period's start, where an account that churned since still is.
        migrator.registerMigration("v12-snapshot-domains") { db in
            try db.execute(sql: "ALTER TABLE account_snapshot ADD COLUMN domains TEXT")
        }
        // E-mail threading, what first-contact resolution reads: a customer's message keeps it in its feedback row
        // (found by a partial index: surveys add nothing to it), a team message in a table of its own.
        migrator.registerMigration("v13-mail-threads") { db in
            try db.execute(sql: """
                ALTER TABLE feedback ADD COLUMN refs TEXT;
                ALTER TABLE feedback ADD COLUMN recipient TEXT;
                ALTER TABLE feedback ADD COLUMN still_unresolved INTEGER;
                CREATE INDEX feedback_email ON feedback(channel) WHERE channel = 'email';
                """)
            // Rows appended by row id, the random keys in an index of their own (keyed WITHOUT ROWID, every insert
            // landed on a random page of the whole rows).
            try db.execute(sql: "CREATE TABLE team_message (id INTEGER PRIMARY KEY, " + MailColumn.allCases.map { column in
                "\(column.name) \(column.type.sqlite)" + (column == .key ? " NOT NULL UNIQUE" : column.type == .boolean ? " NOT NULL" : "")
            }.joined(separator: ", ") + ")")
        }
        // Each rated aspect of a rating matrix is a rollup label (its raters, and those who rated it unfavourably): what
        // `voc drivers --by aspect` reads. A store with aspect ratings has its rollups emptied here and rebuilt from
        // the records on open (`buildMissingRollups`); others have nothing to add.
        migrator.registerMigration("v14-aspect-labels") { db in
            try db.execute(sql: """
                DELETE FROM feedback_rollup WHERE EXISTS (SELECT 1 FROM feedback_aspect);
                DELETE FROM feedback_rollup_delta WHERE EXISTS (SELECT 1 FROM feedback_aspect);
                """)
        }
        // A record's open answers and aspect ratings name it by its row id, as its topics do (v5): ingest appends them
        // in id order, where its key (a hash) put every row on a random page of the whole table.
        migrator.registerMigration("v15-parts-by-record-id") { db in
            try db.execute(sql: """
                CREATE TABLE feedback_answer_by_id (
                    feedback_id INTEGER NOT NULL,
                    ordinal INTEGER NOT NULL,
                    question_id INTEGER NOT NULL,
                    answer TEXT NOT NULL,
                    sentiment REAL,
                    sentiment_label TEXT,
                    sentiment_units INTEGER,
                    sentiment_square_units INTEGER,
                    PRIMARY KEY (feedback_id, ordinal)
                ) WITHOUT ROWID;
                INSERT INTO feedback_answer_by_id
                    SELECT f.id, a.ordinal, a.question_id, a.answer, a.sentiment, a.sentiment_label, a.sentiment_units, a.sentiment_square_units
                    FROM feedback_answer a JOIN feedback f ON f.key = a.feedback_key;
                DROP TABLE feedback_answer;
                ALTER TABLE feedback_answer_by_id RENAME TO feedback_answer;
                CREATE TABLE feedback_aspect_by_id (
                    feedback_id INTEGER NOT NULL,
                    ordinal INTEGER NOT NULL,
                    question_id INTEGER NOT NULL,
                    aspect TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    state INTEGER NOT NULL,
                    rating INTEGER,
                    scale TEXT NOT NULL,
                    good INTEGER,
                    unit_units INTEGER,
                    unit_square_units INTEGER,
                    PRIMARY KEY (feedback_id, ordinal)
                ) WITHOUT ROWID;
                INSERT INTO feedback_aspect_by_id
                    SELECT f.id, x.ordinal, x.question_id, x.aspect, x.kind, x.state, x.rating, x.scale, x.good, x.unit_units, x.unit_square_units
                    FROM feedback_aspect x JOIN feedback f ON f.key = x.feedback_key;
                DROP TABLE feedback_aspect;
                ALTER TABLE feedback_aspect_by_id RENAME TO feedback_aspect;
                """)
        }
        // The phrase index of `voc themes`: per UTC day, phrase and language (empty for none), how many comments
        // mention the phrase (the empty phrase: how many comments there are); per day counted, the arrival position
        // its comments are counted through; and the fingerprint of the extractor that counted them.
        migrator.registerMigration("v16-phrase-index") { db in
            try db.execute(sql: """
                CREATE TABLE phrase_day (
                    day INTEGER NOT NULL,
                    phrase TEXT NOT NULL,
                    language TEXT NOT NULL,
                    mentions INTEGER NOT NULL,
                    PRIMARY KEY (day, phrase, language)
                ) WITHOUT ROWID;
                CREATE TABLE phrase_day_mark (
                    day INTEGER PRIMARY KEY,
                    through INTEGER NOT NULL
                );
                CREATE TABLE phrase_index (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    extractor TEXT NOT NULL
                );
                """)
        }
        return migrator
    }

    /// Stores made by the first release (commit c236d30) have a `WITHOUT ROWID` feedback table keyed by `key`, which
    /// v5 needs row ids from: such a table is rebuilt with them (in ingest order, as far as it is known) and its
    /// indexes are recreated. Tables that have them are left alone.
    static func giveFeedbackRowIDs(_ db: Database) throws {
        let columns = try db.columns(in: "feedback").map(\.name)
        guard !columns.contains("id") else { return }
        let old = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'feedback'") ?? ""
        let keyed = "CREATE TABLE feedback (\n    key TEXT PRIMARY KEY NOT NULL,"
        guard old.hasPrefix(keyed), old.hasSuffix(" WITHOUT ROWID") else {
            throw DatabaseError(message: "the feedback table has neither row ids nor the first release's layout")
        }
        let create = "CREATE TABLE feedback_with_ids (\n    id INTEGER PRIMARY KEY,\n    key TEXT NOT NULL UNIQUE,"
            + old.dropFirst(keyed.count).dropLast(" WITHOUT ROWID".count)
        let indexes = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'feedback' AND sql IS NOT NULL")
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        try db.execute(sql: create)
        try db.execute(sql: """
            INSERT INTO feedback_with_ids (\(list)) SELECT \(list) FROM feedback ORDER BY run_id, source_file, source_record, key;
            DROP TABLE feedback;
            ALTER TABLE feedback_with_ids RENAME TO feedback;
            """)
        for index in indexes { try db.execute(sql: index) }
    }
}
