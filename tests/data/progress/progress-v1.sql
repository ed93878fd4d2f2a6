-- A progress database as the first schema version wrote it (PRAGMA user_version = 1).
-- progress-v1.sqlite was made from this file with:
--   sqlite3 progress-v1.sqlite < progress-v1.sql
-- The migration test opens a copy of it and expects the upgrade to version 2 to keep every row.
CREATE TABLE answers (
    id INTEGER PRIMARY KEY,
    pack_id TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    question_id TEXT NOT NULL,
    question_rev INTEGER NOT NULL,
    chosen TEXT NOT NULL,
    correct INTEGER NOT NULL,
    points REAL NOT NULL,
    max_points REAL NOT NULL,
    critical INTEGER NOT NULL,
    time_ms INTEGER NOT NULL,
    confidence TEXT NOT NULL,
    answered_at INTEGER NOT NULL,
    mode TEXT NOT NULL
);
CREATE INDEX answers_by_question ON answers(pack_id, question_id);
INSERT INTO answers VALUES
    (1, 'org.example.heparin', '1.0', 'mech-01', 1, 'b', 1, 1.0, 1.0, 0, 8200, 'sure', 1764000000000, 'tutor'),
    (2, 'org.example.heparin', '1.0', 'mon-02', 1, 'a c', 0, 0.5, 1.0, 0, 15400, 'unsure', 1764000060000, 'tutor'),
    (3, 'org.example.heparin', '1.0', 'rev-03', 2, 'd', 0, 0.0, 2.0, 1, 4100, 'sure', 1764086400000, 'exam'),
    (4, 'org.example.heparin', '1.1', 'mech-01', 1, '', 0, 0.0, 1.0, 0, 30000, '', 1764172800000, 'exam');
PRAGMA user_version = 1;
