// Store-and-forward to the hospital's DICOM node (docs/DICOM.md): objects are copied into the queue
// folder and recorded in a SQLite file (beside the archive) before enqueue() returns, and a worker thread
// sends them with C-STORE, retrying with exponential backoff while the node is unreachable. A row turns
// "sent" in the same transaction that records the peer's success, so after a restart only what was not
// yet confirmed is sent again; an object the node refuses stays queued with the node's reason (retried at
// the longest backoff), only an unreadable file fails for good; an object already queued or sent (same SOP
// Instance UID) is not queued twice. When no association has succeeded for unreachableConditionS while
// objects wait, the condition callback fires (the station raises a technical condition); it clears on the
// next success. A refused object can be discarded by hand (discard(): state "discarded", who and when kept,
// its file removed); wake() retries every waiting object at once.
#pragma once

#include "DicomNet.h"

#include <QString>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace vigil::dicom {

struct QueueOptions
{
    Peer peer;
    QString directory;        // holds queue.sqlite and objects/; created when missing
    double retryInitialS = 5; // first retry after this, doubling per failed attempt
    double retryMaxS = 300;   // up to this
    double unreachableConditionS = 120;
    int batch = 16;                // objects per association
    std::function<qint64()> clock; // UTC ms; tests replace it
};

struct QueueItem
{
    qint64 id = 0;
    QString sopInstanceUid;
    QString source; // the path it was enqueued from
    QString state;  // "pending", "sent", "failed", "discarded"
    int attempts = 0;
    QString lastError;
    qint64 queuedMs = 0;
    qint64 sentMs = 0;
    QString refusedReason; // the node's last refusal of this object ("" when never refused)
    QString discardedBy;   // who discarded it, and when (state "discarded")
    qint64 discardedMs = 0;
};

class DicomQueue
{
public:
    static std::unique_ptr<DicomQueue> open(const QueueOptions &o, QString *error);
    ~DicomQueue(); // stops the worker
    DicomQueue(const DicomQueue &) = delete;
    DicomQueue &operator=(const DicomQueue &) = delete;

    // Called on the worker thread.
    std::function<void(bool on, const QString &reason)> onCondition;
    std::function<void(const QueueItem &item)> onItemDone; // sent or failed for good (unreadable file)
    // The node refused the object (SOP class not accepted, a failure status) in a working association:
    // it stays pending with the reason in lastError, retried after retryMaxS.
    std::function<void(const QueueItem &item)> onItemRefused;
    std::function<void(const QString &line)> onLog;
    // After every association attempt: its outcome (the reason when the node was not reached or rejected
    // the association) and how many objects it carried.
    std::function<void(const NetResult &association, int objects)> onAttempt;

    // Durable before it returns. *duplicate: the object was already queued or sent (nothing added).
    bool enqueue(const QString &path, QString *error, bool *duplicate = nullptr);
    void start();
    void stop();
    void wake(); // retry now (e.g. after the user fixed the configuration)
    // Takes an object the node refused out of the queue: state "discarded" with who and when, its queued
    // copy removed. False (and *error) when it is not a waiting refused object, or is being sent right now.
    bool discard(const QString &sopInstanceUid, const QString &who, QString *error);

    std::vector<QueueItem> items(int limit = 100);
    std::vector<QueueItem> refusedItems(); // waiting objects the node refused, oldest first
    int pendingCount();
    bool conditionActive() const;
    QString lastReason() const;

private:
    DicomQueue() = default;
    void run();
    qint64 now() const;

    QueueOptions m_o;
    struct Db;
    std::unique_ptr<Db> m_db;
    mutable std::mutex m_mutex; // guards m_db use, m_stop, m_wake, m_condition, m_reason, m_inFlight
    std::condition_variable m_cv;
    std::thread m_thread;
    bool m_stop = false;
    bool m_wake = false;
    bool m_condition = false;
    QString m_reason;
    std::set<qint64> m_inFlight; // ids of the association under way
};

} // namespace vigil::dicom
