// Audit hash chain: store, writer thread, verify and export. Format and guarantees: AuditLog.h and
// docs/SECURITY.md.
#include "AuditLog.h"

#include "FilePermissions.h"
#include "SqliteColumns.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/evp.h>
#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>

namespace vigil::security {

namespace {

const QByteArray kZeroHash(32, '\0');

QString sqlError(sqlite3 *db, const char *what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what),
                                        QString::fromUtf8(db ? sqlite3_errmsg(db) : "?"));
}

using detail::colBlob;
using detail::colText;

void bindText(sqlite3_stmt *s, int i, const QString &v)
{
    const QByteArray b = v.toUtf8();
    sqlite3_bind_text(s, i, b.constData(), int(b.size()), SQLITE_TRANSIENT);
}

void bindBlob(sqlite3_stmt *s, int i, const QByteArray &v)
{
    sqlite3_bind_blob(s, i, v.constData(), int(v.size()), SQLITE_TRANSIENT);
}

bool exec(sqlite3 *db, const char *sql, QString *error)
{
    char *msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) == SQLITE_OK)
        return true;
    if (error)
        *error = QStringLiteral("%1 (%2)").arg(QString::fromUtf8(msg ? msg : "?"), QLatin1String(sql));
    sqlite3_free(msg);
    return false;
}

const char kSelect[] = "SELECT seq, ts_ms, station, user, role, action, target, details, prev_hash, hash "
                       "FROM audit_log";

AuditRecord readRow(sqlite3_stmt *s)
{
    AuditRecord r;
    r.seq = sqlite3_column_int64(s, 0);
    r.timeMs = sqlite3_column_int64(s, 1);
    r.station = colText(s, 2);
    r.user = colText(s, 3);
    r.role = colText(s, 4);
    r.action = colText(s, 5);
    r.target = colText(s, 6);
    r.details = colText(s, 7);
    r.prevHash = colBlob(s, 8);
    r.hash = colBlob(s, 9);
    return r;
}

} // namespace

namespace {

// SHA-256 of the chain's canonical form, on raw bytes (the verifier feeds SQLite's column buffers
// straight in: 100 000 records in well under a second).
class ChainHasher
{
public:
    ChainHasher() : m_ctx(EVP_MD_CTX_new()) {}
    ~ChainHasher() { EVP_MD_CTX_free(m_ctx); }
    ChainHasher(const ChainHasher &) = delete;
    ChainHasher &operator=(const ChainHasher &) = delete;
    void begin(const void *prev, size_t prevLen)
    {
        EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr);
        EVP_DigestUpdate(m_ctx, prev, prevLen);
    }
    void field(const void *p, size_t n)
    {
        const unsigned char len[4] = {static_cast<unsigned char>(n >> 24),
                                      static_cast<unsigned char>(n >> 16), static_cast<unsigned char>(n >> 8),
                                      static_cast<unsigned char>(n)};
        EVP_DigestUpdate(m_ctx, len, 4);
        if (n)
            EVP_DigestUpdate(m_ctx, p, n);
    }
    void number(qint64 v)
    {
        char buf[24];
        const auto res = std::to_chars(buf, buf + sizeof buf, v);
        field(buf, size_t(res.ptr - buf));
    }
    // out: 32 bytes
    void finish(unsigned char *out)
    {
        unsigned int n = 0;
        EVP_DigestFinal_ex(m_ctx, out, &n);
    }

private:
    EVP_MD_CTX *m_ctx;
};

} // namespace

QByteArray auditRecordHash(const AuditRecord &r)
{
    ChainHasher h;
    h.begin(r.prevHash.constData(), size_t(r.prevHash.size()));
    h.number(r.seq);
    h.number(r.timeMs);
    for (const QString *f : {&r.station, &r.user, &r.role, &r.action, &r.target, &r.details}) {
        const QByteArray b = f->toUtf8();
        h.field(b.constData(), size_t(b.size()));
    }
    QByteArray out(32, '\0');
    h.finish(reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

struct AuditStore::Stmts
{
    sqlite3_stmt *begin = nullptr, *insert = nullptr, *head = nullptr, *commit = nullptr, *rollback = nullptr;
    ~Stmts()
    {
        for (auto *s : {begin, insert, head, commit, rollback})
            sqlite3_finalize(s);
    }
};

AuditStore::AuditStore() = default;
AuditStore::~AuditStore()
{
    close();
}

void AuditStore::close()
{
    m_stmts.reset();
    if (m_db)
        sqlite3_close(m_db);
    m_db = nullptr;
}

bool AuditStore::open(const QString &path, QString *error, bool readOnly)
{
    close();
    m_path = path;
    const bool existed = QFile::exists(path);
    if (readOnly && !existed) {
        if (error)
            *error = QStringLiteral("no audit file %1").arg(path);
        return false;
    }
    if (!existed && !createPrivateFile(path, error))
        return false;
    const int flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags | SQLITE_OPEN_FULLMUTEX, nullptr) !=
        SQLITE_OK) {
        if (error)
            *error = sqlError(m_db, "open audit file");
        close();
        return false;
    }
    sqlite3_busy_timeout(m_db, 2000);
    if (!readOnly) {
        if (!exec(
                m_db,
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                "CREATE TABLE IF NOT EXISTS audit_log(seq INTEGER PRIMARY KEY, ts_ms INTEGER NOT NULL,"
                " station TEXT NOT NULL, user TEXT NOT NULL, role TEXT NOT NULL, action TEXT NOT NULL,"
                " target TEXT NOT NULL, details TEXT NOT NULL, prev_hash BLOB NOT NULL, hash BLOB NOT NULL);"
                "CREATE INDEX IF NOT EXISTS audit_log_ts ON audit_log(ts_ms);"
                "CREATE TABLE IF NOT EXISTS audit_head(id INTEGER PRIMARY KEY CHECK (id = 1),"
                " seq INTEGER NOT NULL, hash BLOB NOT NULL);",
                error)) {
            close();
            return false;
        }
        m_stmts = std::make_unique<Stmts>();
        auto prep = [&](const char *sql, sqlite3_stmt **s) {
            return sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, s, nullptr) == SQLITE_OK;
        };
        if (!prep("BEGIN IMMEDIATE", &m_stmts->begin) ||
            !prep("INSERT INTO audit_log(seq, ts_ms, station, user, role, action, target, details, prev_hash,"
                  " hash) VALUES(?,?,?,?,?,?,?,?,?,?)",
                  &m_stmts->insert) ||
            !prep("INSERT OR REPLACE INTO audit_head(id, seq, hash) VALUES(1, ?, ?)", &m_stmts->head) ||
            !prep("COMMIT", &m_stmts->commit) || !prep("ROLLBACK", &m_stmts->rollback)) {
            if (error)
                *error = sqlError(m_db, "prepare");
            close();
            return false;
        }
    }
    // The newest record continues the chain.
    m_lastSeq = 0;
    m_lastHash = kZeroHash;
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", -1, &s,
                           nullptr) == SQLITE_OK) {
        if (sqlite3_step(s) == SQLITE_ROW) {
            m_lastSeq = sqlite3_column_int64(s, 0);
            m_lastHash = colBlob(s, 1);
        }
    } else if (error) {
        *error = sqlError(m_db, "read audit file");
        sqlite3_finalize(s);
        close();
        return false;
    }
    sqlite3_finalize(s);
    return true;
}

bool AuditStore::append(AuditRecord &r, QString *error)
{
    return appendBatch(&r, 1, error);
}

bool AuditStore::appendBatch(AuditRecord *records, size_t count, QString *error)
{
    if (!m_db || !m_stmts) {
        if (error)
            *error = QStringLiteral("audit file not open");
        return false;
    }
    if (count == 0)
        return true;
    auto *st = m_stmts.get();
    auto fail = [&](const char *what) {
        if (error)
            *error = sqlError(m_db, what);
        sqlite3_reset(st->insert);
        sqlite3_reset(st->head);
        sqlite3_reset(st->commit);
        if (!sqlite3_get_autocommit(m_db)) {
            sqlite3_step(st->rollback);
            sqlite3_reset(st->rollback);
        }
        return false;
    };
    const int rcBegin = sqlite3_step(st->begin);
    sqlite3_reset(st->begin);
    if (rcBegin != SQLITE_DONE)
        return fail("begin audit transaction");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 seq = m_lastSeq;
    QByteArray prev = m_lastHash;
    for (size_t i = 0; i < count; ++i) {
        AuditRecord &r = records[i];
        if (r.timeMs == 0)
            r.timeMs = now;
        r.seq = ++seq;
        r.prevHash = prev;
        r.hash = auditRecordHash(r);
        prev = r.hash;
        sqlite3_bind_int64(st->insert, 1, r.seq);
        sqlite3_bind_int64(st->insert, 2, r.timeMs);
        bindText(st->insert, 3, r.station);
        bindText(st->insert, 4, r.user);
        bindText(st->insert, 5, r.role);
        bindText(st->insert, 6, r.action);
        bindText(st->insert, 7, r.target);
        bindText(st->insert, 8, r.details);
        bindBlob(st->insert, 9, r.prevHash);
        bindBlob(st->insert, 10, r.hash);
        if (sqlite3_step(st->insert) != SQLITE_DONE)
            return fail("insert audit record");
        sqlite3_reset(st->insert);
    }
    sqlite3_bind_int64(st->head, 1, seq);
    bindBlob(st->head, 2, prev);
    if (sqlite3_step(st->head) != SQLITE_DONE)
        return fail("update audit head");
    sqlite3_reset(st->head);
    if (sqlite3_step(st->commit) != SQLITE_DONE)
        return fail("commit audit record");
    sqlite3_reset(st->commit);
    // Only a committed batch moves the chain on: a failed one is retried with the same seq / prev_hash.
    m_lastSeq = seq;
    m_lastHash = prev;
    return true;
}

bool AuditStore::forEach(qint64 fromMs, qint64 toMs, const std::function<bool(const AuditRecord &)> &f,
                         QString *error) const
{
    if (!m_db) {
        if (error)
            *error = QStringLiteral("audit file not open");
        return false;
    }
    QByteArray sql = kSelect;
    sql += " WHERE ts_ms >= ?1 AND (?2 = 0 OR ts_ms < ?2) ORDER BY seq";
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.constData(), -1, &s, nullptr) != SQLITE_OK) {
        if (error)
            *error = sqlError(m_db, "read audit file");
        return false;
    }
    sqlite3_bind_int64(s, 1, fromMs);
    sqlite3_bind_int64(s, 2, toMs);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (!f(readRow(s)))
            break;
    }
    const bool ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
    if (!ok && error)
        *error = sqlError(m_db, "read audit file");
    sqlite3_finalize(s);
    return ok;
}

AuditVerifyResult verifyAudit(const QString &path)
{
    AuditVerifyResult res;
    AuditStore store;
    QString error;
    if (!store.open(path, &error, true)) {
        res.problem = error;
        return res;
    }
    // Walk in physical (rowid = seq) order; a swap of two records' contents keeps the rowids but breaks
    // the chain, a renumbering shows as a seq out of order.
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(store.handle(), (QByteArray(kSelect) + " ORDER BY rowid").constData(), -1, &s,
                           nullptr) != SQLITE_OK) {
        res.problem = sqlError(store.handle(), "read audit file");
        return res;
    }
    unsigned char prev[32] = {};
    qint64 expectSeq = 1;
    int rc;
    ChainHasher hasher;
    unsigned char computed[32];
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        ++res.records;
        const qint64 seq = sqlite3_column_int64(s, 0);
        auto bad = [&](const QString &why) {
            res.firstBad = seq;
            res.problem = QStringLiteral("record %1: %2").arg(seq).arg(why);
        };
        if (seq != expectSeq) {
            if (seq > expectSeq) {
                // Name the first missing record: that is the one that was deleted.
                res.firstBad = expectSeq;
                res.problem =
                    QStringLiteral("record %1: missing (deleted); the chain jumps from record %2 to %3")
                        .arg(expectSeq)
                        .arg(expectSeq - 1)
                        .arg(seq);
            } else {
                bad(QStringLiteral("out of order (expected record %1 here)").arg(expectSeq));
            }
            break;
        }
        const void *prevHash = sqlite3_column_blob(s, 8);
        const int prevLen = sqlite3_column_bytes(s, 8);
        if (prevLen != 32 || std::memcmp(prevHash, prev, 32) != 0) {
            bad(QStringLiteral("does not follow the record before it (previous-hash mismatch: a record was "
                               "deleted, reordered or edited)"));
            break;
        }
        hasher.begin(prevHash, 32);
        hasher.number(seq);
        hasher.number(sqlite3_column_int64(s, 1));
        for (int c = 2; c <= 7; ++c) {
            const void *p = sqlite3_column_text(s, c);
            hasher.field(p, size_t(sqlite3_column_bytes(s, c)));
        }
        hasher.finish(computed);
        const void *stored = sqlite3_column_blob(s, 9);
        if (sqlite3_column_bytes(s, 9) != 32 || std::memcmp(stored, computed, 32) != 0) {
            bad(QStringLiteral("content was changed (hash mismatch)"));
            break;
        }
        std::memcpy(prev, computed, 32);
        ++expectSeq;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        res.problem = sqlError(store.handle(), "read audit file");
        return res;
    }
    if (!res.problem.isEmpty())
        return res;
    // The head names the newest record: deleting the newest records leaves it pointing past the end.
    qint64 headSeq = 0;
    QByteArray headHash = kZeroHash;
    bool haveHead = false;
    if (sqlite3_prepare_v2(store.handle(), "SELECT seq, hash FROM audit_head WHERE id = 1", -1, &s,
                           nullptr) == SQLITE_OK) {
        if (sqlite3_step(s) == SQLITE_ROW) {
            haveHead = true;
            headSeq = sqlite3_column_int64(s, 0);
            headHash = colBlob(s, 1);
        }
    }
    sqlite3_finalize(s);
    const qint64 last = expectSeq - 1;
    if (!haveHead && last > 0) {
        res.firstBad = last + 1;
        res.problem =
            QStringLiteral("record %1: the chain head was removed; records after %2 may have been deleted")
                .arg(last + 1)
                .arg(last);
        return res;
    }
    if (headSeq > last) {
        res.firstBad = last + 1;
        res.problem =
            QStringLiteral("record %1: missing (deleted); the chain ends at record %2 but %3 were written")
                .arg(last + 1)
                .arg(last)
                .arg(headSeq);
        return res;
    }
    if (headSeq != last || headHash != QByteArray(reinterpret_cast<const char *>(prev), 32)) {
        res.firstBad = headSeq < last ? headSeq + 1 : last;
        res.problem =
            QStringLiteral("record %1: not in the chain head (appended or changed outside the station)")
                .arg(res.firstBad);
        return res;
    }
    res.ok = true;
    return res;
}

bool exportAudit(const QString &path, qint64 fromMs, qint64 toMs, ExportFormat format, QTextStream &out,
                 QString *error)
{
    AuditStore store;
    if (!store.open(path, error, true))
        return false;
    auto csv = [](const QString &v) {
        if (!v.contains(u',') && !v.contains(u'"') && !v.contains(u'\n'))
            return v;
        QString q = v;
        q.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QStringLiteral("\"%1\"").arg(q);
    };
    if (format == ExportFormat::Csv)
        out << "seq,time,station,user,role,action,target,details,hash\n";
    else
        out << "[";
    bool first = true;
    const bool ok = store.forEach(
        fromMs, toMs,
        [&](const AuditRecord &r) {
            const QString time =
                QDateTime::fromMSecsSinceEpoch(r.timeMs, Qt::UTC).toString(Qt::ISODateWithMs);
            if (format == ExportFormat::Csv) {
                out << r.seq << ',' << time << ',' << csv(r.station) << ',' << csv(r.user) << ','
                    << csv(r.role) << ',' << csv(r.action) << ',' << csv(r.target) << ',' << csv(r.details)
                    << ',' << r.hash.toHex() << '\n';
            } else {
                QJsonObject o{{QStringLiteral("seq"), r.seq},
                              {QStringLiteral("time"), time},
                              {QStringLiteral("station"), r.station},
                              {QStringLiteral("user"), r.user},
                              {QStringLiteral("role"), r.role},
                              {QStringLiteral("action"), r.action},
                              {QStringLiteral("target"), r.target},
                              {QStringLiteral("details"), r.details},
                              {QStringLiteral("hash"), QString::fromLatin1(r.hash.toHex())}};
                out << (first ? "\n" : ",\n") << QJsonDocument(o).toJson(QJsonDocument::Compact);
            }
            first = false;
            return true;
        },
        error);
    if (format == ExportFormat::Json)
        out << (first ? "]\n" : "\n]\n");
    return ok;
}

// ---- AuditTrail: the writer thread ----

AuditTrail::AuditTrail() = default;

AuditTrail::~AuditTrail()
{
    if (m_thread.joinable()) {
        flush();
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_all();
        m_thread.join();
    }
}

bool AuditTrail::open(const QString &path, QString *error)
{
    if (!m_store.open(path, error))
        return false;
    m_path = path;
    m_thread = std::thread([this] { run(); });
    return true;
}

void AuditTrail::setListener(Listener l)
{
    std::lock_guard lock(m_mutex);
    m_listener = std::move(l);
}

void AuditTrail::append(AuditRecord r)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(r));
        ++m_enqueued;
    }
    m_cv.notify_one();
}

void AuditTrail::flush()
{
    std::unique_lock lock(m_mutex);
    if (!m_thread.joinable())
        return;
    const qint64 target = m_enqueued;
    // A failing disk must not hang shutdown: give up after 5 s.
    m_doneCv.wait_for(lock, std::chrono::seconds(5), [&] { return m_committed >= target; });
}

QString AuditTrail::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

qint64 AuditTrail::committed() const
{
    std::lock_guard lock(m_mutex);
    return m_committed;
}

qint64 AuditTrail::transactions() const
{
    std::lock_guard lock(m_mutex);
    return m_transactions;
}

void AuditTrail::setMaxBatch(size_t n)
{
    std::lock_guard lock(m_mutex);
    m_maxBatch = std::max<size_t>(1, n);
}

void AuditTrail::run()
{
    std::unique_lock lock(m_mutex);
    std::vector<AuditRecord> batch;
    for (;;) {
        m_cv.wait(lock, [&] { return m_stop || !m_queue.empty(); });
        if (m_queue.empty() && m_stop)
            return;
        // Group commit: everything queued while the last transaction was being made durable goes into
        // this one. The records stay in the queue until committed, so a failure loses none and keeps order.
        const size_t n = std::min(m_queue.size(), m_maxBatch);
        batch.assign(m_queue.begin(), m_queue.begin() + std::ptrdiff_t(n));
        Listener listener = m_listener;
        lock.unlock();
        QString error;
        const bool ok = m_store.appendBatch(batch.data(), batch.size(), &error);
        if (ok && listener) {
            for (const AuditRecord &r : batch)
                listener(r);
        }
        lock.lock();
        if (ok) {
            m_queue.erase(m_queue.begin(), m_queue.begin() + std::ptrdiff_t(n));
            m_committed += qint64(n);
            ++m_transactions;
            m_error.clear();
            m_doneCv.notify_all();
        } else {
            m_error = error;
            if (m_stop)
                return;
            // Retry after a pause; the records stay first in the queue, so order is kept.
            m_cv.wait_for(lock, std::chrono::milliseconds(500), [&] { return m_stop; });
        }
    }
}

} // namespace vigil::security
