// The census service: ADT frames in, ACKs out, station actions, all applied to one CensusState and made
// durable (CensusStore) before anyone is told. Thread-safe: ADT links call handleFrame() from their
// thread, the station's actions come from the ADT worker thread; one lock orders everything, so events
// for one patient are applied in the order they arrived. docs/ADT.md.
#pragma once

#include "AdtDecode.h"
#include "CensusState.h"
#include "CensusStore.h"

#include <QString>

#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vigil::adt {

struct EngineOptions
{
    QString storePath; // empty: the census lives in memory only (--no-archive)
    BedMap beds;
    int processedMemory = 100000; // control ids remembered for idempotency (loaded back at start)
    std::function<QDate()> today; // default: the current date (tests pin it)
};

class AdtEngine
{
public:
    explicit AdtEngine(EngineOptions options);

    // Opens the store and loads the census; false with the reason.
    bool open(QString *error);

    struct Answer
    {
        std::string ack;       // the frame to send back (empty: none due)
        QString code;          // AA / AE / AR
        QString log;           // one line saying what happened
        bool changed = false;  // the census changed
        bool conflict = false; // a pending conflict was raised
    };
    // One received frame: parse, decode, apply, persist, answer. Any thread.
    Answer handleFrame(std::string_view frame, qint64 nowMs);

    // Station actions; each persisted before it returns (result.ok false with the reason otherwise).
    census::ApplyResult admit(const QString &bedKey, const census::PatientIdentity &p, qint64 nowMs);
    census::ApplyResult update(const QString &bedKey, const census::PatientIdentity &p);
    census::ApplyResult transfer(const QString &fromBed, const QString &toBed, qint64 nowMs);
    census::ApplyResult discharge(const QString &bedKey, qint64 nowMs, const QString &reason);
    bool resolveConflict(qint64 id, qint64 nowMs);
    // Data on a bed: opens an unadmitted stay when it has none (persisted); true when it did.
    bool noteData(const QString &bedKey, qint64 timeMs);
    // Stays not from ADT whose last data is older than nowMs - afterMs are discharged; returns their beds.
    QStringList autoDischarge(qint64 nowMs, qint64 afterMs);

    struct Snapshot
    {
        std::vector<census::Stay> stays; // current, by bed key
        std::vector<census::Conflict> conflicts;
        quint64 messages = 0, accepted = 0, errors = 0, resends = 0, ignored = 0;
    };
    Snapshot snapshot() const;
    std::vector<census::Stay> search(const QString &text, int limit = 50);
    void setBeds(BedMap beds);
    // Called (outside the lock, on the thread that made the change) after every durable change.
    void setChangedCallback(std::function<void()> cb);

private:
    census::ApplyResult commitChange(census::CensusState before, census::ApplyResult r,
                                     std::optional<census::Conflict> conflict,
                                     std::optional<ProcessedMessage> processed, QString *error);
    void remember(const ProcessedMessage &p);
    void notify();

    EngineOptions m_options;
    mutable std::mutex m_mutex;
    census::CensusState m_state;
    CensusStore m_store;
    std::vector<census::Conflict> m_conflicts;
    std::unordered_map<QString, ProcessedMessage> m_processed;
    std::deque<QString> m_processedOrder;
    quint64 m_messages = 0, m_accepted = 0, m_errors = 0, m_resends = 0, m_ignored = 0;
    qint64 m_localConflictId = 0;
    std::unordered_map<qint64, qint64> m_lastDataWritten; // stay id -> lastDataMs last written
    std::function<void()> m_changed;
};

} // namespace vigil::adt
