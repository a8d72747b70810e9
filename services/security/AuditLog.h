// Tamper-evident audit trail (issue 12, part 4): an append-only SQLite table in which every record carries
// the SHA-256 of the previous one (a hash chain). See docs/SECURITY.md.
//
//   AuditStore  synchronous: open, append one record in its own durable transaction, read; used by the
//               writer thread, the `vigil audit` command and the tests.
//   AuditTrail  the station's front: append() queues and returns at once (a mutex and a deque push: the
//               caller's cost is microseconds); a writer thread commits in order with group commit (all
//               records queued while the previous fsync ran go into ONE transaction: one fsync for the
//               batch, each record still chained to the one before) and hands each committed record to an
//               optional listener (the syslog forwarder). The destructor drains the queue (orderly
//               shutdown loses nothing); a record is durable when committed() passes it.
//   verifyAudit / exportAudit: the checks and exports of `vigil audit`.
//
// Hash of record n: SHA-256 over prev_hash(n-1) and the length-prefixed UTF-8 fields seq, ts_ms, station,
// user, role, action, target, details. Record 1's prev_hash is 32 zero bytes. The table `audit_head` holds
// the last seq and hash (updated in the same transaction), so deleting the newest records is detected too.
#pragma once

#include "Sqlite.h"

#include <QByteArray>
#include <QString>
#include <QTextStream>
#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace vigil::security {

struct AuditRecord
{
    qint64 seq = 0;    // assigned by the store
    qint64 timeMs = 0; // epoch ms; 0 = now (set by the store)
    QString station;
    QString user; // "" for the viewer (nobody signed in)
    QString role;
    QString action;      // e.g. "sign_in", "acknowledge", "limit_change", "refused"
    QString target;      // bed, stay or alarm id
    QString details;     // free text (never a secret)
    QByteArray prevHash; // 32 bytes
    QByteArray hash;     // 32 bytes
};

// Hash of a record given its fields and prevHash (exposed for the tests and the verifier).
QByteArray auditRecordHash(const AuditRecord &r);

class AuditStore
{
public:
    AuditStore();
    ~AuditStore();
    AuditStore(const AuditStore &) = delete;
    AuditStore &operator=(const AuditStore &) = delete;

    // Opens or creates the file (mode 0600 when created; WAL, synchronous=FULL). readOnly for `verify`.
    bool open(const QString &path, QString *error, bool readOnly = false);
    void close();
    bool isOpen() const { return bool(m_db); }
    QString path() const { return m_path; }

    // Fills seq, prevHash, hash (and timeMs when 0) and commits durably. False with *error on failure.
    bool append(AuditRecord &r, QString *error);
    // The same for several records in ONE transaction (one fsync), chained in order. All or nothing: on
    // failure nothing is written and the chain continues from where it was.
    bool appendBatch(AuditRecord *records, size_t count, QString *error);
    qint64 lastSeq() const { return m_lastSeq; }

    // Records with fromMs <= ts_ms < toMs (0 = open ended), by seq. Calls f for each; false stops.
    bool forEach(qint64 fromMs, qint64 toMs, const std::function<bool(const AuditRecord &)> &f,
                 QString *error) const;
    sqlite3 *handle() const { return m_db.handle(); }

private:
    archive::sql::Db m_db;
    QString m_path;
    qint64 m_lastSeq = 0;
    QByteArray m_lastHash;
    struct Stmts;
    std::unique_ptr<Stmts> m_stmts;
};

struct AuditVerifyResult
{
    bool ok = false;
    qint64 records = 0;  // records checked
    qint64 firstBad = 0; // seq of the first bad record (0 when ok, or when the file cannot be read)
    QString problem;     // what is wrong, in words
};

// Walks the whole chain. Detects an edited record (hash mismatch), a deleted one (seq gap, prev_hash of
// the next does not match), reordered ones (prev_hash / seq out of order) and deleted newest records
// (audit_head does not match the last record).
AuditVerifyResult verifyAudit(const QString &path);

enum class ExportFormat { Csv, Json };
// Writes the records of [fromMs, toMs) (0 = open ended). False with *error when the file cannot be read.
bool exportAudit(const QString &path, qint64 fromMs, qint64 toMs, ExportFormat format, QTextStream &out,
                 QString *error);

// The station's audit writer: one thread, records committed in the order append() was called.
class AuditTrail
{
public:
    using Listener = std::function<void(const AuditRecord &)>; // called on the writer thread
    AuditTrail();
    ~AuditTrail(); // flushes and stops
    AuditTrail(const AuditTrail &) = delete;
    AuditTrail &operator=(const AuditTrail &) = delete;

    bool open(const QString &path, QString *error);
    void setListener(Listener l);
    // Thread-safe; never blocks on I/O.
    void append(AuditRecord r);
    // Waits until everything queued before the call is committed (tests, shutdown).
    void flush();
    // Last write error ("" when healthy); a failed append is kept in the queue and retried.
    QString lastError() const;
    qint64 committed() const;
    // Transactions committed so far (committed() / transactions() = the mean group-commit batch).
    qint64 transactions() const;
    // Largest number of records one transaction may take (default 512; 1 = one fsync per record, the
    // baseline of bench_security). Set before the first append.
    void setMaxBatch(size_t n);
    QString path() const { return m_path; }

private:
    void run();
    AuditStore m_store;
    QString m_path;
    Listener m_listener;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::condition_variable m_doneCv;
    std::deque<AuditRecord> m_queue;
    qint64 m_enqueued = 0;
    qint64 m_committed = 0;
    qint64 m_transactions = 0;
    size_t m_maxBatch = 512;
    QString m_error;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace vigil::security
