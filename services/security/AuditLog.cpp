// Audit hash chain: store, writer thread, verify and export. Format and guarantees: AuditLog.h and
// docs/SECURITY.md.
#include "AuditLog.h"

#include "FilePermissions.h"
#include "Sqlite.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/evp.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>

namespace vigil::security {

namespace sql = archive::sql;

namespace {

const QByteArray kZeroHash(32, '\0');

QString sqlError(const sql::SqlError &e)
{
    return QString::fromStdString(e.what());
}

// sql::Stmt::bindBlob binds without a copy: the QByteArray must outlive the statement's step.
std::span<const std::uint8_t> bytes(const QByteArray &b)
{
    return {reinterpret_cast<const std::uint8_t *>(b.constData()), size_t(b.size())};
}

// The columns are NOT NULL; a null QString (e.g. the viewer's user "") binds as ''.
QString notNull(const QString &v)
{
    return v.isNull() ? QStringLiteral("") : v;
}

QByteArray blobOf(const sql::Stmt &s, int c)
{
    const auto b = s.blob(c);
    return QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
}

const char kSelect[] = "SELECT seq, ts_ms, station, user, role, action, target, details, prev_hash, hash "
                       "FROM audit_log";

AuditRecord readRow(const sql::Stmt &s)
{
    AuditRecord r;
    r.seq = s.i64(0);
    r.timeMs = s.i64(1);
    r.station = s.text(2);
    r.user = s.text(3);
    r.role = s.text(4);
    r.action = s.text(5);
    r.target = s.text(6);
    r.details = s.text(7);
    r.prevHash = blobOf(s, 8);
    r.hash = blobOf(s, 9);
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
    sql::Stmt begin, last, insert, head, commit, rollback;
};

AuditStore::AuditStore() = default;
AuditStore::~AuditStore()
{
    close();
}

void AuditStore::close()
{
    m_stmts.reset();
    m_db.close();
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
    try {
        m_db.open(path, readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
        m_db.exec("PRAGMA busy_timeout=2000");
        if (!readOnly) {
            m_db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                      "CREATE TABLE IF NOT EXISTS audit_log(seq INTEGER PRIMARY KEY, ts_ms INTEGER NOT NULL,"
                      " station TEXT NOT NULL, user TEXT NOT NULL, role TEXT NOT NULL, action TEXT NOT NULL,"
                      " target TEXT NOT NULL, details TEXT NOT NULL, prev_hash BLOB NOT NULL,"
                      " hash BLOB NOT NULL);"
                      "CREATE INDEX IF NOT EXISTS audit_log_ts ON audit_log(ts_ms);"
                      "CREATE TABLE IF NOT EXISTS audit_head(id INTEGER PRIMARY KEY CHECK (id = 1),"
                      " seq INTEGER NOT NULL, hash BLOB NOT NULL);");
            m_stmts = std::make_unique<Stmts>();
            m_stmts->begin = sql::Stmt(m_db.handle(), "BEGIN IMMEDIATE");
            m_stmts->last =
                sql::Stmt(m_db.handle(), "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
            m_stmts->insert = sql::Stmt(
                m_db.handle(), "INSERT INTO audit_log(seq, ts_ms, station, user, role, action, target,"
                               " details, prev_hash, hash) VALUES(?,?,?,?,?,?,?,?,?,?)");
            m_stmts->head =
                sql::Stmt(m_db.handle(), "INSERT OR REPLACE INTO audit_head(id, seq, hash) VALUES(1, ?, ?)");
            m_stmts->commit = sql::Stmt(m_db.handle(), "COMMIT");
            m_stmts->rollback = sql::Stmt(m_db.handle(), "ROLLBACK");
        }
        // The newest record continues the chain.
        m_lastSeq = 0;
        m_lastHash = kZeroHash;
        sql::Stmt last(m_db.handle(), "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        if (last.step()) {
            m_lastSeq = last.i64(0);
            m_lastHash = blobOf(last, 1);
        }
    } catch (const sql::SqlError &e) {
        if (error)
            *error = QStringLiteral("audit file %1: %2").arg(path, sqlError(e));
        close();
        return false;
    }
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
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 seq = m_lastSeq;
    QByteArray prev = m_lastHash;
    bool inTransaction = false;
    try {
        st->begin.run();
        inTransaction = true;
        // The chain continues from the newest record in the file, read under the write lock: another
        // writer (`vigil archive` recording its use while the station runs) may have appended since.
        if (st->last.step()) {
            seq = st->last.i64(0);
            prev = blobOf(st->last, 1);
        }
        st->last.reset();
        for (size_t i = 0; i < count; ++i) {
            AuditRecord &r = records[i];
            if (r.timeMs == 0)
                r.timeMs = now;
            r.seq = ++seq;
            r.prevHash = prev;
            r.hash = auditRecordHash(r);
            prev = r.hash;
            st->insert.bind(1, r.seq)
                .bind(2, r.timeMs)
                .bind(3, notNull(r.station))
                .bind(4, notNull(r.user))
                .bind(5, notNull(r.role))
                .bind(6, notNull(r.action))
                .bind(7, notNull(r.target))
                .bind(8, notNull(r.details))
                .bindBlob(9, bytes(r.prevHash))
                .bindBlob(10, bytes(r.hash));
            st->insert.run();
        }
        st->head.bind(1, seq).bindBlob(2, bytes(prev));
        st->head.run();
        st->commit.run();
    } catch (const sql::SqlError &e) {
        if (error)
            *error = sqlError(e);
        st->insert.reset();
        st->head.reset();
        if (inTransaction) {
            // COMMIT may have failed with the transaction still open (busy) or already rolled back (I/O).
            try {
                st->rollback.run();
            } catch (const sql::SqlError &) {
            }
        }
        return false;
    }
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
    try {
        sql::Stmt s(m_db.handle(),
                    std::string(kSelect) + " WHERE ts_ms >= ?1 AND (?2 = 0 OR ts_ms < ?2) ORDER BY seq");
        s.bind(1, fromMs).bind(2, toMs);
        while (s.step()) {
            if (!f(readRow(s)))
                break;
        }
    } catch (const sql::SqlError &e) {
        if (error)
            *error = QStringLiteral("read audit file: %1").arg(sqlError(e));
        return false;
    }
    return true;
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
    unsigned char prev[32] = {};
    qint64 expectSeq = 1;
    try {
        // Walk in physical (rowid = seq) order; a swap of two records' contents keeps the rowids but breaks
        // the chain, a renumbering shows as a seq out of order.
        sql::Stmt s(store.handle(), std::string(kSelect) + " ORDER BY rowid");
        ChainHasher hasher;
        unsigned char computed[32];
        while (s.step()) {
            ++res.records;
            const qint64 seq = s.i64(0);
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
            const auto prevHash = s.blob(8);
            if (prevHash.size() != 32 || std::memcmp(prevHash.data(), prev, 32) != 0) {
                bad(QStringLiteral("does not follow the record before it (previous-hash mismatch: a record "
                                   "was deleted, reordered or edited)"));
                break;
            }
            hasher.begin(prevHash.data(), 32);
            hasher.number(seq);
            hasher.number(s.i64(1));
            // SQLite's own buffers, no QString round trip (the blob of a TEXT value is its UTF-8 bytes).
            for (int c = 2; c <= 7; ++c) {
                const auto f = s.blob(c);
                hasher.field(f.data(), f.size());
            }
            hasher.finish(computed);
            const auto stored = s.blob(9);
            if (stored.size() != 32 || std::memcmp(stored.data(), computed, 32) != 0) {
                bad(QStringLiteral("content was changed (hash mismatch)"));
                break;
            }
            std::memcpy(prev, computed, 32);
            ++expectSeq;
        }
    } catch (const sql::SqlError &e) {
        res.problem = QStringLiteral("read audit file: %1").arg(sqlError(e));
        return res;
    }
    if (!res.problem.isEmpty())
        return res;
    // The head names the newest record: deleting the newest records leaves it pointing past the end.
    qint64 headSeq = 0;
    QByteArray headHash = kZeroHash;
    bool haveHead = false;
    try {
        sql::Stmt h(store.handle(), "SELECT seq, hash FROM audit_head WHERE id = 1");
        if (h.step()) {
            haveHead = true;
            headSeq = h.i64(0);
            headHash = blobOf(h, 1);
        }
    } catch (const sql::SqlError &) {
        // No head table: treated as a removed head below.
    }
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
