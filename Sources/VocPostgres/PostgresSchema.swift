/// The PostgreSQL schema: the SQLite store's tables with PostgreSQL types, created by named migrations under an
/// advisory lock so that concurrent `voc` processes never race to create them.
enum PostgresSchema {
    /// Any constant: the advisory lock key voc's migrations hold.
    static let migrationLock = 0x766F_6301
    /// The advisory lock key ingest transactions hold shared and `arrivedThrough` takes exclusively (`PostgresStore.arrivedThrough`).
    static let arrivalLock = 0x766F_6302
    /// The advisory lock key a fold of rollup deltas holds (`PostgresStore.compactChunk`).
    static let foldLock = 0x766F_6303

    static let migrations: [(name: String, sql: String)] = [
        ("v1-feedback-quarantine-ingest-log-directory-alerts", """
            CREATE TABLE ingest_run (
                id BIGSERIAL PRIMARY KEY,
                started_at DOUBLE PRECISION NOT NULL,
                finished_at DOUBLE PRECISION,
                command TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'running'
            );
            CREATE TABLE ingest_file (
                id BIGSERIAL PRIMARY KEY,
                run_id BIGINT NOT NULL REFERENCES ingest_run(id),
                path TEXT NOT NULL,
                format TEXT NOT NULL,
                detail TEXT NOT NULL,
                read BIGINT NOT NULL,
                accepted BIGINT NOT NULL,
                quarantined BIGINT NOT NULL,
                skipped BIGINT NOT NULL,
                already_stored BIGINT NOT NULL,
                status TEXT NOT NULL,
                error TEXT
            );
            CREATE TABLE feedback (
                id BIGSERIAL PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                channel TEXT NOT NULL,
                source_file TEXT NOT NULL,
                source_line BIGINT,
                source_record BIGINT,
                response_id TEXT,
                account_id TEXT,
                account_name TEXT,
                respondent_email TEXT,
                submitted_at DOUBLE PRECISION,
                nps_state SMALLINT,
                nps BIGINT,
                csat_state SMALLINT,
                csat BIGINT,
                csat_scale TEXT,
                csat_good SMALLINT,
                csat_unit DOUBLE PRECISION,
                ces_state SMALLINT,
                ces BIGINT,
                ces_scale TEXT,
                ces_good SMALLINT,
                ces_unit DOUBLE PRECISION,
                comment TEXT,
                language TEXT,
                run_id BIGINT NOT NULL,
                sentiment DOUBLE PRECISION,
                sentiment_label TEXT,
                churn SMALLINT,
                effort SMALLINT,
                subject TEXT,
                author_name TEXT,
                thread TEXT,
                quoted TEXT
            );
            CREATE INDEX feedback_account ON feedback(account_id, submitted_at);
            CREATE TABLE feedback_topic (
                feedback_key TEXT NOT NULL,
                account_id TEXT,
                topic TEXT NOT NULL,
                PRIMARY KEY (feedback_key, topic)
            );
            CREATE TABLE quarantine (
                key TEXT PRIMARY KEY,
                run_id BIGINT NOT NULL,
                source_file TEXT NOT NULL,
                line BIGINT,
                byte BIGINT,
                record BIGINT,
                field TEXT,
                reason TEXT NOT NULL,
                detail TEXT NOT NULL,
                raw BYTEA NOT NULL,
                truncated BOOLEAN NOT NULL
            );
            CREATE INDEX quarantine_file ON quarantine(source_file, line);
            CREATE TABLE account (
                id TEXT PRIMARY KEY,
                name TEXT,
                segment TEXT,
                arr DOUBLE PRECISION,
                renewal_at DOUBLE PRECISION,
                owner TEXT
            );
            CREATE TABLE account_domain (
                domain TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE
            );
            CREATE TABLE alert (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                account_id TEXT,
                reason TEXT NOT NULL,
                record_key TEXT,
                occurred_at DOUBLE PRECISION,
                emitted_at DOUBLE PRECISION NOT NULL,
                seq BIGSERIAL
            );
            """),
        ("v2-feedback-key-byte-order", """
            CREATE INDEX feedback_key_bytes ON feedback (key COLLATE "C");
            """),
        // Per-group sums kept with the records (`RollupColumn`): ingest batches append deltas, the end of a run folds
        // them into one row per group (filled by v4). And how far `voc alerts` has looked.
        ("v3-rollups-alert-progress", """
            CREATE TABLE feedback_rollup (
                account_key TEXT NOT NULL,
                domain TEXT NOT NULL,
                \(rollupColumns),
                PRIMARY KEY (account_key, domain)
            );
            CREATE INDEX feedback_rollup_domain ON feedback_rollup(domain);
            CREATE TABLE feedback_rollup_delta (
                id BIGSERIAL PRIMARY KEY,
                account_key TEXT NOT NULL,
                domain TEXT NOT NULL,
                \(rollupColumns)
            );
            CREATE TABLE alert_progress (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            CREATE INDEX alert_seq ON alert(seq);
            """),
        // Each label (topic, language, churn and effort signal) keeps a tally of its records, not only their count, and
        // each group the sum of its squared sentiment: the rollups are (re)built from the records after this, once
        // (`PostgresStore.buildRollups`).
        ("v4-rollup-label-tallies", """
            ALTER TABLE feedback_rollup ADD COLUMN sentiment_sq BIGINT NOT NULL DEFAULT 0;
            ALTER TABLE feedback_rollup_delta ADD COLUMN sentiment_sq BIGINT NOT NULL DEFAULT 0;
            DELETE FROM feedback_rollup;
            DELETE FROM feedback_rollup_delta;
            """),
        // A yes/no would-recommend answer is a measure of its own, beside NPS (no stored record has one yet).
        ("v5-would-recommend", """
            ALTER TABLE feedback ADD COLUMN recommend_state SMALLINT;
            ALTER TABLE feedback ADD COLUMN recommend SMALLINT;
            ALTER TABLE feedback_rollup ADD COLUMN recommend_n BIGINT NOT NULL DEFAULT 0;
            ALTER TABLE feedback_rollup ADD COLUMN recommend_yes BIGINT NOT NULL DEFAULT 0;
            ALTER TABLE feedback_rollup_delta ADD COLUMN recommend_n BIGINT NOT NULL DEFAULT 0;
            ALTER TABLE feedback_rollup_delta ADD COLUMN recommend_yes BIGINT NOT NULL DEFAULT 0;
            """),
        // In a survey with several open questions, each answer is kept with its question and its own sentiment
        // (`OpenAnswer`); questions are stored once, under a hash of their text.
        ("v6-open-answers", """
            CREATE TABLE survey_question (
                id BIGINT PRIMARY KEY,
                text TEXT NOT NULL
            );
            CREATE TABLE feedback_answer (
                feedback_key TEXT NOT NULL,
                ordinal BIGINT NOT NULL,
                question_id BIGINT NOT NULL,
                answer TEXT NOT NULL,
                sentiment DOUBLE PRECISION,
                sentiment_label TEXT,
                sentiment_units BIGINT,
                sentiment_square_units BIGINT,
                PRIMARY KEY (feedback_key, ordinal)
            );
            """),
        // The answered rows of rating matrices under a satisfaction or effort question (`AspectRating`).
        ("v7-aspect-ratings", """
            CREATE TABLE feedback_aspect (
                feedback_key TEXT NOT NULL,
                ordinal BIGINT NOT NULL,
                question_id BIGINT NOT NULL,
                aspect TEXT NOT NULL,
                kind TEXT NOT NULL,
                state SMALLINT NOT NULL,
                rating BIGINT,
                scale TEXT NOT NULL,
                good SMALLINT,
                unit_units BIGINT,
                unit_square_units BIGINT,
                PRIMARY KEY (feedback_key, ordinal)
            );
            """),
        // Each CRM import kept as a dated snapshot (`voc accounts import --as-of`).
        ("v8-account-snapshots", """
            CREATE TABLE account_snapshot (
                as_of DOUBLE PRECISION NOT NULL,
                id TEXT NOT NULL,
                name TEXT,
                segment TEXT,
                arr DOUBLE PRECISION,
                renewal_at DOUBLE PRECISION,
                owner TEXT,
                status TEXT,
                PRIMARY KEY (as_of, id)
            );
            """),
        // Each snapshot's accounts keep their domains (the health backtest's directory of a period's start).
        ("v9-snapshot-domains", """
            ALTER TABLE account_snapshot ADD COLUMN domains TEXT;
            """),
        // E-mail threading (first-contact resolution): a customer's message keeps it in its feedback row, found by a
        // partial index; a team message in a table of its own.
        ("v10-mail-threads", """
            ALTER TABLE feedback ADD COLUMN refs TEXT;
            ALTER TABLE feedback ADD COLUMN recipient TEXT;
            ALTER TABLE feedback ADD COLUMN still_unresolved SMALLINT;
            CREATE INDEX feedback_email ON feedback(channel) WHERE channel = 'email';
            CREATE TABLE team_message (
                key TEXT PRIMARY KEY,
                message_id TEXT,
                refs TEXT,
                subject TEXT,
                sent_at DOUBLE PRECISION,
                sender TEXT,
                customer_email TEXT,
                account_id TEXT,
                recipient TEXT,
                from_team BOOLEAN NOT NULL,
                still_unresolved BOOLEAN NOT NULL
            );
            """),
        // Each rated aspect of a rating matrix is a rollup label (its raters, and those who rated it unfavourably):
        // a store with aspect ratings has its rollups emptied and rebuilt from the records.
        ("v11-aspect-labels", """
            DELETE FROM feedback_rollup WHERE EXISTS (SELECT 1 FROM feedback_aspect);
            DELETE FROM feedback_rollup_delta WHERE EXISTS (SELECT 1 FROM feedback_aspect)
            """),
        // The phrase index of `voc themes` (see the SQLite store's v16-phrase-index).
        ("v12-phrase-index", """
            CREATE TABLE phrase_day (
                day INTEGER NOT NULL,
                phrase TEXT NOT NULL,
                language TEXT NOT NULL,
                mentions BIGINT NOT NULL,
                PRIMARY KEY (day, phrase, language)
            );
            CREATE TABLE phrase_day_mark (
                day INTEGER PRIMARY KEY,
                through BIGINT NOT NULL
            );
            CREATE TABLE phrase_index (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                extractor TEXT NOT NULL
            );
            """),
    ]

    /// The migrations after which the rollups are built from the records, when they have records but no rollups.
    static let rollupMigrations: Set<String> = ["v4-rollup-label-tallies", "v11-aspect-labels"]

    /// A rollup group's totals, then its day series and label counts: the same in both rollup tables.
    private static let rollupColumns = """
        responses BIGINT NOT NULL,
        promoters BIGINT NOT NULL,
        passives BIGINT NOT NULL,
        detractors BIGINT NOT NULL,
        nps_blank BIGINT NOT NULL,
        nps_na BIGINT NOT NULL,
        csat_n BIGINT NOT NULL,
        csat_good BIGINT NOT NULL,
        csat_sum BIGINT NOT NULL,
        csat_sq BIGINT NOT NULL,
        csat_blank BIGINT NOT NULL,
        csat_na BIGINT NOT NULL,
        csat_scale_low TEXT,
        csat_scale_high TEXT,
        ces_n BIGINT NOT NULL,
        ces_good BIGINT NOT NULL,
        ces_sum BIGINT NOT NULL,
        ces_sq BIGINT NOT NULL,
        ces_blank BIGINT NOT NULL,
        ces_na BIGINT NOT NULL,
        ces_scale_low TEXT,
        ces_scale_high TEXT,
        first_at DOUBLE PRECISION,
        last_at DOUBLE PRECISION,
        comments BIGINT NOT NULL,
        scored BIGINT NOT NULL,
        sentiment_sum BIGINT NOT NULL,
        negative BIGINT NOT NULL,
        churn BIGINT NOT NULL,
        effort BIGINT NOT NULL,
        account_name TEXT,
        days BYTEA NOT NULL,
        labels BYTEA NOT NULL
        """
}
