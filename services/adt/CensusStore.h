// The census on disk: stays (current and past), pending conflicts and the ADT control ids already
// answered, in one SQLite file beside the archive (`<archive>.census.sqlite`; WAL, synchronous=FULL).
// One transaction per event or action: the ADT ACK leaves only after commit() returned (docs/ADT.md).
// Not thread-safe: AdtEngine calls it under its lock.
#pragma once

#include "CensusState.h"
#include "Sqlite.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace vigil::adt {

struct ProcessedMessage
{
    QString controlId;
    quint64 hash = 0;
    QString code; // AA / AE / AR as answered
    QString reason;
};

class CensusStore
{
public:
    // Creates or opens the file; false with the reason.
    bool open(const QString &path, QString *error);
    bool isOpen() const { return bool(m_db); }

    struct Loaded
    {
        std::vector<census::Stay> current, lastEnded;
        std::vector<census::Conflict> conflicts; // unresolved
        std::vector<ProcessedMessage> processed; // newest last
    };
    Loaded load(int processedMemory);

    struct Commit
    {
        std::vector<census::Stay> stays;           // upserted; id <= 0: inserted
        std::optional<census::Conflict> conflict;  // inserted
        std::optional<ProcessedMessage> processed; // inserted
        std::optional<qint64> resolvedConflict;    // marked resolved at resolvedMs
        qint64 resolvedMs = 0;
    };
    // One transaction, fsynced. Returns the ids of the stays in commit.stays (new ones assigned) and of
    // the conflict; nullopt with the reason when it failed (rolled back: nothing of it happened).
    struct Ids
    {
        std::vector<qint64> stays;
        qint64 conflict = 0;
    };
    std::optional<Ids> commit(const Commit &c, QString *error);

    // Past stays of a patient by MRN or name part (newest first), for the station's search.
    std::vector<census::Stay> search(const QString &text, int limit, QString *error);
    // lastDataMs of open stays (written with the next commit or on close; not a durable change).
    void noteLastData(qint64 stayId, qint64 ms);

private:
    void writeStay(const census::Stay &s, qint64 *id);
    census::Stay readStay(const archive::sql::Stmt &q) const;

    archive::sql::Db m_db;
};

} // namespace vigil::adt
