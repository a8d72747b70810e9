#include "Schema.h"

#include "ArchiveTypes.h"
#include "ChunkFormat.h"

#include <QDateTime>

#include <vector>

namespace vigil::archive::schema {

namespace {

// Version 2, the current schema. docs/ARCHIVE.md explains every table and column.
constexpr const char *kCreateV2 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE bed(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL DEFAULT '');
CREATE TABLE stay(
  id INTEGER PRIMARY KEY,
  bed_id INTEGER NOT NULL,
  patient_id TEXT,
  patient_name TEXT,
  profile INTEGER NOT NULL DEFAULT 0,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER,
  source TEXT);
CREATE INDEX stay_bed ON stay(bed_id, start_ms);
CREATE TABLE wave_chunk(
  id INTEGER PRIMARY KEY,
  bed_id INTEGER NOT NULL,
  stay_id INTEGER,
  channel INTEGER NOT NULL,
  start_us INTEGER NOT NULL,
  end_us INTEGER NOT NULL,
  rate REAL NOT NULL,
  n INTEGER NOT NULL,
  gain REAL NOT NULL,
  baseline INTEGER NOT NULL,
  quant INTEGER NOT NULL DEFAULT 0,
  data BLOB NOT NULL);
CREATE INDEX wave_chunk_time ON wave_chunk(bed_id, channel, start_us);
CREATE TABLE wave_tail(
  id INTEGER PRIMARY KEY,
  bed_id INTEGER NOT NULL,
  stay_id INTEGER,
  channel INTEGER NOT NULL,
  start_us INTEGER NOT NULL,
  end_us INTEGER NOT NULL,
  rate REAL NOT NULL,
  n INTEGER NOT NULL,
  gain REAL NOT NULL,
  baseline INTEGER NOT NULL,
  quant INTEGER NOT NULL DEFAULT 0,
  data BLOB NOT NULL);
CREATE TABLE numeric_chunk(
  bed_id INTEGER NOT NULL,
  nid INTEGER NOT NULL,
  start_ms INTEGER NOT NULL,
  seq INTEGER NOT NULL DEFAULT 0,
  stay_id INTEGER,
  end_ms INTEGER NOT NULL,
  n INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY(bed_id, nid, start_ms, seq)) WITHOUT ROWID;
CREATE TABLE numeric_tail(
  id INTEGER PRIMARY KEY,
  bed_id INTEGER NOT NULL,
  stay_id INTEGER,
  nid INTEGER NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL,
  n INTEGER NOT NULL,
  data BLOB NOT NULL);
CREATE TABLE alarm_event(
  id INTEGER PRIMARY KEY,
  bed_id INTEGER,
  stay_id INTEGER,
  alarm_id TEXT NOT NULL,
  t_ms INTEGER NOT NULL,
  onset_ms INTEGER,
  source INTEGER NOT NULL DEFAULT 0,
  kind INTEGER NOT NULL DEFAULT 0,
  priority INTEGER NOT NULL DEFAULT 0,
  phase INTEGER NOT NULL DEFAULT 0,
  state TEXT,
  code TEXT NOT NULL,
  text TEXT,
  metric TEXT,
  value REAL,
  limit_low REAL,
  limit_high REAL,
  unit TEXT,
  user TEXT);
CREATE INDEX alarm_event_bed ON alarm_event(bed_id, t_ms);
CREATE INDEX alarm_event_time ON alarm_event(t_ms);
CREATE INDEX alarm_event_alarm ON alarm_event(alarm_id);
CREATE TABLE event(
  id INTEGER PRIMARY KEY,
  bed_id INTEGER,
  stay_id INTEGER,
  t_ms INTEGER NOT NULL,
  type TEXT NOT NULL,
  text TEXT);
CREATE INDEX event_bed ON event(bed_id, t_ms);
CREATE INDEX event_time ON event(t_ms);
)sql";

void setVersion(sql::Db &db, int version)
{
    db.exec("PRAGMA user_version = " + std::to_string(version));
}

void createCurrent(sql::Db &db)
{
    db.exec(kCreateV2);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    sql::Stmt meta(db.handle(), "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
    meta.bind(1, QStringLiteral("created_ms")).bind(2, QDateTime::currentMSecsSinceEpoch()).run();
    meta.bind(1, QStringLiteral("created_version")).bind(2, kSchemaVersion).run();
    setVersion(db, kSchemaVersion);
}

// v1 kept one row per numeric sample; v2 keeps chunks of up to a minute (the v1 table was a third of
// the file and slow to read for day-long trends).
void migrateNumericsV1(sql::Db &db)
{
    sql::Stmt read(db.handle(), "SELECT s.bed_id, n.stay_id, n.nid, n.t_ms, n.value FROM numeric n "
                                "JOIN stay s ON s.id = n.stay_id ORDER BY n.stay_id, n.nid, n.t_ms");
    sql::Stmt insert(db.handle(),
                     "INSERT INTO numeric_chunk(bed_id, nid, start_ms, seq, stay_id, end_ms, n, data) VALUES "
                     "(?1, ?2, ?3, (SELECT coalesce(max(seq) + 1, 0) FROM numeric_chunk WHERE bed_id = ?1 "
                     "AND nid = ?2 AND start_ms = ?3), ?4, ?5, ?6, ?7)");
    qint64 bed = -1, stay = -1, nid = -1, start = 0;
    std::vector<std::int32_t> offsets;
    std::vector<double> values;
    auto flush = [&] {
        if (offsets.empty())
            return;
        const std::vector<std::uint8_t> blob = encodeNumeric(offsets, values);
        insert.bind(1, bed).bind(2, nid).bind(3, start).bind(4, stay).bind(5, start + offsets.back());
        insert.bind(6, qint64(offsets.size())).bindBlob(7, blob).run();
        offsets.clear();
        values.clear();
    };
    while (read.step()) {
        const qint64 b = read.i64(0), s = read.i64(1), id = read.i64(2), t = read.i64(3);
        const double v = read.dbl(4);
        if (s != stay || id != nid || t - start >= 60'000 || offsets.size() >= 256) {
            flush();
            bed = b;
            stay = s;
            nid = id;
            start = t;
        }
        offsets.push_back(std::int32_t(t - start));
        values.push_back(v);
    }
    flush();
}

void migrateV1toV2(sql::Db &db)
{
    // Waveform chunks gain bed_id (so reads by bed need no join), an explicit end and the quantisation
    // flag; the index moves from stay to bed.
    db.exec(R"sql(
CREATE TABLE wave_chunk_v2(
  id INTEGER PRIMARY KEY, bed_id INTEGER NOT NULL, stay_id INTEGER, channel INTEGER NOT NULL,
  start_us INTEGER NOT NULL, end_us INTEGER NOT NULL, rate REAL NOT NULL, n INTEGER NOT NULL,
  gain REAL NOT NULL, baseline INTEGER NOT NULL, quant INTEGER NOT NULL DEFAULT 0, data BLOB NOT NULL);
INSERT INTO wave_chunk_v2(id, bed_id, stay_id, channel, start_us, end_us, rate, n, gain, baseline, quant, data)
  SELECT c.id, s.bed_id, c.stay_id, c.channel, c.start_us,
         c.start_us + CAST(round(c.n * 1000000.0 / c.rate) AS INTEGER), c.rate, c.n, c.gain, c.baseline, 0,
         c.data
  FROM wave_chunk c JOIN stay s ON s.id = c.stay_id;
DROP TABLE wave_chunk;
ALTER TABLE wave_chunk_v2 RENAME TO wave_chunk;
CREATE INDEX wave_chunk_time ON wave_chunk(bed_id, channel, start_us);
CREATE TABLE wave_tail(
  id INTEGER PRIMARY KEY, bed_id INTEGER NOT NULL, stay_id INTEGER, channel INTEGER NOT NULL,
  start_us INTEGER NOT NULL, end_us INTEGER NOT NULL, rate REAL NOT NULL, n INTEGER NOT NULL,
  gain REAL NOT NULL, baseline INTEGER NOT NULL, quant INTEGER NOT NULL DEFAULT 0, data BLOB NOT NULL);
ALTER TABLE stay ADD COLUMN source TEXT;
CREATE INDEX stay_bed ON stay(bed_id, start_ms);
CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE numeric_chunk(
  bed_id INTEGER NOT NULL, nid INTEGER NOT NULL, start_ms INTEGER NOT NULL, seq INTEGER NOT NULL DEFAULT 0,
  stay_id INTEGER, end_ms INTEGER NOT NULL, n INTEGER NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY(bed_id, nid, start_ms, seq)) WITHOUT ROWID;
CREATE TABLE numeric_tail(
  id INTEGER PRIMARY KEY, bed_id INTEGER NOT NULL, stay_id INTEGER, nid INTEGER NOT NULL,
  start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, n INTEGER NOT NULL, data BLOB NOT NULL);
)sql");
    migrateNumericsV1(db);
    // v1 kept one row per alarm with its onset, acknowledge and end times; v2 keeps every lifecycle step.
    // v1 priorities 1..3 (low..high) map to v2 Low..High (2..4). Phases: Start 1, Acknowledge 6, End 8.
    db.exec(R"sql(
DROP TABLE numeric;
CREATE TABLE alarm_event(
  id INTEGER PRIMARY KEY, bed_id INTEGER, stay_id INTEGER, alarm_id TEXT NOT NULL, t_ms INTEGER NOT NULL,
  onset_ms INTEGER, source INTEGER NOT NULL DEFAULT 0, kind INTEGER NOT NULL DEFAULT 0,
  priority INTEGER NOT NULL DEFAULT 0, phase INTEGER NOT NULL DEFAULT 0, state TEXT, code TEXT NOT NULL,
  text TEXT, metric TEXT, value REAL, limit_low REAL, limit_high REAL, unit TEXT, user TEXT);
INSERT INTO alarm_event(bed_id, stay_id, alarm_id, t_ms, onset_ms, priority, phase, code, text)
  SELECT s.bed_id, a.stay_id, 'v1-' || a.id, a.start_ms, a.start_ms,
         CASE WHEN a.priority BETWEEN 1 AND 3 THEN a.priority + 1 ELSE 0 END, 1, a.code, a.text
  FROM alarm a LEFT JOIN stay s ON s.id = a.stay_id;
INSERT INTO alarm_event(bed_id, stay_id, alarm_id, t_ms, onset_ms, priority, phase, code, text, user)
  SELECT s.bed_id, a.stay_id, 'v1-' || a.id, a.ack_ms, a.start_ms,
         CASE WHEN a.priority BETWEEN 1 AND 3 THEN a.priority + 1 ELSE 0 END, 6, a.code, a.text, a.ack_by
  FROM alarm a LEFT JOIN stay s ON s.id = a.stay_id WHERE a.ack_ms IS NOT NULL;
INSERT INTO alarm_event(bed_id, stay_id, alarm_id, t_ms, onset_ms, priority, phase, code, text)
  SELECT s.bed_id, a.stay_id, 'v1-' || a.id, a.end_ms, a.start_ms,
         CASE WHEN a.priority BETWEEN 1 AND 3 THEN a.priority + 1 ELSE 0 END, 8, a.code, a.text
  FROM alarm a LEFT JOIN stay s ON s.id = a.stay_id WHERE a.end_ms IS NOT NULL;
DROP TABLE alarm;
CREATE INDEX alarm_event_bed ON alarm_event(bed_id, t_ms);
CREATE INDEX alarm_event_time ON alarm_event(t_ms);
CREATE INDEX alarm_event_alarm ON alarm_event(alarm_id);
ALTER TABLE event ADD COLUMN bed_id INTEGER;
UPDATE event SET bed_id = (SELECT bed_id FROM stay WHERE stay.id = event.stay_id);
CREATE INDEX event_bed ON event(bed_id, t_ms);
CREATE INDEX event_time ON event(t_ms);
)sql");
    sql::Stmt meta(db.handle(), "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
    meta.bind(1, QStringLiteral("migrated_from_1_ms")).bind(2, QDateTime::currentMSecsSinceEpoch()).run();
    setVersion(db, 2);
}

QString refuseNewer(int version)
{
    return QStringLiteral("archive schema version %1 is newer than this Vigil supports (%2): it was written "
                          "by a newer Vigil. Use that version, or start a new archive file; this one was "
                          "left untouched.")
        .arg(version)
        .arg(kSchemaVersion);
}

QString refuseForeign()
{
    return QStringLiteral("not a Vigil archive (the file holds other SQLite tables); it was left untouched");
}

} // namespace

FileVersion readVersion(sql::Db &db)
{
    FileVersion v;
    v.version = int(db.scalar("PRAGMA user_version"));
    v.applicationId = qint32(db.scalar("PRAGMA application_id"));
    v.empty = db.scalar("SELECT count(*) FROM sqlite_schema") == 0;
    return v;
}

bool prepareForWriting(sql::Db &db, QString *error)
{
    sqlite3_busy_timeout(db.handle(), 5000);
    // Checked before switching to WAL: a foreign or newer file must be left exactly as it was.
    {
        const FileVersion v = readVersion(db);
        if (!v.empty && v.applicationId != kApplicationId) {
            *error = refuseForeign();
            return false;
        }
        if (v.version > kSchemaVersion) {
            *error = refuseNewer(v.version);
            return false;
        }
    }
    const QString mode = db.scalarText("PRAGMA journal_mode = WAL");
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        *error = QStringLiteral("cannot switch the archive to WAL mode (journal mode is '%1')").arg(mode);
        return false;
    }
    // FULL: every commit fsyncs the WAL, so an acknowledged commit survives a power cut. NORMAL would
    // only sync at checkpoints, and a power cut could then lose the last commits after their ACK.
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA journal_size_limit = 67108864");
    db.exec("PRAGMA cache_size = -16384");
    db.exec("PRAGMA temp_store = MEMORY");

    db.exec("BEGIN IMMEDIATE");
    try {
        const FileVersion v = readVersion(db); // again, now under the write lock
        if (v.version > kSchemaVersion) {
            db.exec("ROLLBACK");
            *error = refuseNewer(v.version);
            return false;
        }
        if (v.empty) {
            createCurrent(db);
        } else if (v.applicationId != kApplicationId) {
            db.exec("ROLLBACK");
            *error = refuseForeign();
            return false;
        } else {
            if (v.version < 1) {
                db.exec("ROLLBACK");
                *error = QStringLiteral("archive has no schema version; it was left untouched");
                return false;
            }
            if (v.version == 1)
                migrateV1toV2(db);
        }
        db.exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    return true;
}

bool checkReadable(sql::Db &db, QString *error)
{
    sqlite3_busy_timeout(db.handle(), 5000);
    const FileVersion v = readVersion(db);
    if (v.empty) {
        *error = QStringLiteral("the archive is empty (no schema): nothing was ever written to it");
        return false;
    }
    if (v.applicationId != kApplicationId) {
        *error = refuseForeign();
        return false;
    }
    if (v.version > kSchemaVersion) {
        *error = refuseNewer(v.version);
        return false;
    }
    if (v.version < kSchemaVersion) {
        *error = QStringLiteral("archive schema version %1 is older than %2: open it once with the station "
                                "(which migrates it) before reading it")
                     .arg(v.version)
                     .arg(kSchemaVersion);
        return false;
    }
    return true;
}

} // namespace vigil::archive::schema
