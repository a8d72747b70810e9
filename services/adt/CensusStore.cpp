// CensusStore: the census's SQLite file (schema version 1).
#include "CensusStore.h"

#include <QDate>

namespace vigil::adt {

using archive::sql::SqlError;
using archive::sql::Stmt;

namespace {

constexpr const char *kSchema = R"(
CREATE TABLE IF NOT EXISTS stay(
  id INTEGER PRIMARY KEY, bed_key TEXT NOT NULL, mrn TEXT, other_ids TEXT, family TEXT, given TEXT,
  sex TEXT, dob TEXT, profile INTEGER, attending TEXT, allergies TEXT, visit TEXT,
  source TEXT NOT NULL, admit_ms INTEGER NOT NULL, end_ms INTEGER, end_reason TEXT, prior_bed TEXT,
  last_data_ms INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS stay_mrn ON stay(mrn);
CREATE INDEX IF NOT EXISTS stay_open ON stay(end_ms);
CREATE TABLE IF NOT EXISTS conflict(
  id INTEGER PRIMARY KEY, t_ms INTEGER NOT NULL, control_id TEXT, event TEXT, bed_key TEXT, mrn TEXT,
  reason TEXT NOT NULL, resolved_ms INTEGER);
CREATE TABLE IF NOT EXISTS processed(
  seq INTEGER PRIMARY KEY, control_id TEXT NOT NULL, hash INTEGER NOT NULL, code TEXT NOT NULL, reason TEXT);
CREATE INDEX IF NOT EXISTS processed_id ON processed(control_id);
PRAGMA user_version = 1;
)";

constexpr const char *kStayColumns =
    "id, bed_key, mrn, other_ids, family, given, sex, dob, profile, attending, allergies, visit, source, "
    "admit_ms, end_ms, end_reason, prior_bed, last_data_ms";

} // namespace

bool CensusStore::open(const QString &path, QString *error)
{
    try {
        m_db.open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        m_db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=2000;");
        if (m_db.scalar("PRAGMA user_version") > 1) {
            if (error)
                *error = QStringLiteral("%1: census file from a newer Vigil").arg(path);
            m_db.close();
            return false;
        }
        m_db.exec(kSchema);
        return true;
    } catch (const SqlError &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        m_db.close();
        return false;
    }
}

census::Stay CensusStore::readStay(const Stmt &q) const
{
    census::Stay s;
    s.id = q.i64(0);
    s.bedKey = q.text(1);
    s.patient.mrn = q.text(2);
    const QString other = q.text(3);
    s.patient.otherIds = other.isEmpty() ? QStringList() : other.split(QLatin1Char('\n'));
    s.patient.family = q.text(4);
    s.patient.given = q.text(5);
    s.patient.sex = q.text(6);
    s.patient.birthDate = QDate::fromString(q.text(7), Qt::ISODate);
    if (!q.isNull(8))
        s.patient.profileSet = static_cast<PatientProfile>(q.i64(8));
    s.patient.attending = q.text(9);
    s.patient.allergies = q.text(10);
    s.patient.visit = q.text(11);
    s.source = census::staySourceFromString(q.text(12));
    s.admitMs = q.i64(13);
    if (!q.isNull(14))
        s.endMs = q.i64(14);
    s.endReason = q.text(15);
    s.priorBedKey = q.text(16);
    s.lastDataMs = q.i64(17);
    return s;
}

CensusStore::Loaded CensusStore::load(int processedMemory)
{
    Loaded out;
    {
        Stmt q(m_db.handle(), std::string("SELECT ") + kStayColumns + " FROM stay WHERE end_ms IS NULL");
        while (q.step())
            out.current.push_back(readStay(q));
    }
    {
        // The latest ended stay of each patient (A13 reopens it), unless it was cancelled or the patient
        // is back in a bed.
        Stmt q(m_db.handle(),
               std::string("SELECT ") + kStayColumns +
                   " FROM stay s WHERE end_ms IS NOT NULL AND mrn IS NOT NULL AND mrn <> '' AND "
                   "id = (SELECT MAX(id) FROM stay t WHERE t.mrn = s.mrn) AND "
                   "end_reason NOT IN ('cancelled', 'merged')");
        while (q.step())
            out.lastEnded.push_back(readStay(q));
    }
    {
        Stmt q(m_db.handle(), "SELECT id, t_ms, control_id, event, bed_key, mrn, reason FROM conflict "
                              "WHERE resolved_ms IS NULL ORDER BY id");
        while (q.step())
            out.conflicts.push_back(
                {q.i64(0), q.i64(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6)});
    }
    {
        Stmt q(m_db.handle(), "SELECT control_id, hash, code, reason FROM (SELECT * FROM processed ORDER BY "
                              "seq DESC LIMIT ?1) ORDER BY seq");
        q.bind(1, processedMemory);
        while (q.step())
            out.processed.push_back({q.text(0), quint64(q.i64(1)), q.text(2), q.text(3)});
    }
    return out;
}

void CensusStore::writeStay(const census::Stay &s, qint64 *id)
{
    Stmt q(m_db.handle(), std::string("INSERT OR REPLACE INTO stay(") + kStayColumns +
                              ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                              "?16, ?17, ?18)");
    s.id > 0 ? q.bind(1, s.id) : q.bindNull(1);
    q.bind(2, s.bedKey).bind(3, s.patient.mrn).bind(4, s.patient.otherIds.join(QLatin1Char('\n')));
    q.bind(5, s.patient.family).bind(6, s.patient.given).bind(7, s.patient.sex);
    q.bind(8, s.patient.birthDate.isValid() ? s.patient.birthDate.toString(Qt::ISODate) : QString());
    s.patient.profileSet ? q.bind(9, int(*s.patient.profileSet)) : q.bindNull(9);
    q.bind(10, s.patient.attending).bind(11, s.patient.allergies).bind(12, s.patient.visit);
    q.bind(13, census::toString(s.source)).bind(14, s.admitMs);
    s.endMs ? q.bind(15, *s.endMs) : q.bindNull(15);
    q.bind(16, s.endReason).bind(17, s.priorBedKey).bind(18, s.lastDataMs);
    q.run();
    *id = s.id > 0 ? s.id : sqlite3_last_insert_rowid(m_db.handle());
}

std::optional<CensusStore::Ids> CensusStore::commit(const Commit &c, QString *error)
{
    Ids ids;
    try {
        m_db.exec("BEGIN IMMEDIATE");
        try {
            for (const auto &s : c.stays) {
                qint64 id = 0;
                writeStay(s, &id);
                ids.stays.push_back(id);
            }
            if (c.conflict) {
                Stmt q(m_db.handle(), "INSERT INTO conflict(t_ms, control_id, event, bed_key, mrn, reason) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
                q.bind(1, c.conflict->timeMs).bind(2, c.conflict->controlId).bind(3, c.conflict->event);
                q.bind(4, c.conflict->bedKey).bind(5, c.conflict->mrn).bind(6, c.conflict->reason).run();
                ids.conflict = sqlite3_last_insert_rowid(m_db.handle());
            }
            if (c.processed) {
                Stmt q(m_db.handle(),
                       "INSERT INTO processed(control_id, hash, code, reason) VALUES (?1, ?2, ?3, ?4)");
                q.bind(1, c.processed->controlId).bind(2, qint64(c.processed->hash));
                q.bind(3, c.processed->code).bind(4, c.processed->reason).run();
            }
            if (c.resolvedConflict) {
                Stmt q(m_db.handle(), "UPDATE conflict SET resolved_ms = ?2 WHERE id = ?1");
                q.bind(1, *c.resolvedConflict).bind(2, c.resolvedMs).run();
            }
            m_db.exec("COMMIT");
        } catch (...) {
            m_db.exec("ROLLBACK");
            throw;
        }
    } catch (const SqlError &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return std::nullopt;
    }
    return ids;
}

std::vector<census::Stay> CensusStore::search(const QString &text, int limit, QString *error)
{
    std::vector<census::Stay> out;
    try {
        Stmt q(m_db.handle(), std::string("SELECT ") + kStayColumns +
                                  " FROM stay WHERE mrn = ?1 OR family LIKE ?2 OR given LIKE ?2 "
                                  "ORDER BY admit_ms DESC LIMIT ?3");
        q.bind(1, text).bind(2, QLatin1Char('%') + text + QLatin1Char('%')).bind(3, limit);
        while (q.step())
            out.push_back(readStay(q));
    } catch (const SqlError &e) {
        if (error)
            *error = QString::fromStdString(e.what());
    }
    return out;
}

void CensusStore::noteLastData(qint64 stayId, qint64 ms)
{
    try {
        Stmt q(m_db.handle(), "UPDATE stay SET last_data_ms = MAX(last_data_ms, ?2) WHERE id = ?1");
        q.bind(1, stayId).bind(2, ms).run();
    } catch (const SqlError &) {
        // lastDataMs is advisory (auto-discharge after restart); the next write tries again.
    }
}

} // namespace vigil::adt
