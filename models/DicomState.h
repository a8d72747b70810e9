// The station's link to the hospital's DICOM node as the UI shows it (QML: `Station.dicom`): the node, the
// objects waiting in the store-and-forward queue, the last outcome (with the peer's refusal reason), and
// the actions "Send to PACS", "Test connection" (C-ECHO), "Retry now" and "Discard" (a refused object). The
// composition root (app/DicomWiring) fills it from the queue (services/dicom) and supplies the actions;
// models/ knows nothing of DCMTK.
#pragma once

#include "PrintState.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>

namespace vigil {

class DicomState : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ available NOTIFY changed) // [dicom] enabled and its queue open
    Q_PROPERTY(QString node READ node NOTIFY changed)        // "PACS@10.0.0.5:104 (TLS)"
    Q_PROPERTY(int pending READ pending NOTIFY changed)      // objects waiting for the node
    Q_PROPERTY(int working READ working NOTIFY changed)      // sends being built from the archive
    Q_PROPERTY(QString lastResult READ lastResult NOTIFY changed)
    Q_PROPERTY(bool lastOk READ lastOk NOTIFY changed)
    Q_PROPERTY(QString echoResult READ echoResult NOTIFY changed)
    Q_PROPERTY(bool echoBusy READ echoBusy NOTIFY changed)
    // Objects the node refused that wait in the queue, each "name: the node's reason" (from refusedObjects).
    Q_PROPERTY(QStringList refused READ refused NOTIFY changed)
    // The same objects for the discard buttons: each a map {uid, name, reason} (uid: SOP Instance UID).
    Q_PROPERTY(QVariantList refusedObjects READ refusedObjects NOTIFY changed)
public:
    struct State
    {
        bool available = false;
        QString node;
        int pending = 0;
        int working = 0;
        QString lastResult;
        bool lastOk = true;
        QString echoResult;
        bool echoBusy = false;
        QVariantList refusedObjects;
        bool operator==(const State &) const = default;
    };
    // The print menu's request: "strip" and "disclosure" leave as waveform objects, the other reports
    // ("patient", "ward", "events") as Encapsulated PDF. Times in ms since the epoch (0: the default).
    using Request = PrintState::Request;
    struct Actions
    {
        std::function<QString(const Request &)> send; // "" when accepted, else why not
        std::function<void()> echo;
        std::function<QString()> retryNow;                  // "" when accepted
        std::function<QString(const QString &uid)> discard; // "" when accepted, else why not
    };

    explicit DicomState(QObject *parent = nullptr) : QObject(parent) {}
    void setActions(Actions actions) { m_actions = std::move(actions); }
    const State &state() const { return m_state; }
    void publish(const State &s)
    {
        if (s == m_state)
            return;
        m_state = s;
        emit changed();
    }

    bool available() const { return m_state.available; }
    QString node() const { return m_state.node; }
    int pending() const { return m_state.pending; }
    int working() const { return m_state.working; }
    QString lastResult() const { return m_state.lastResult; }
    bool lastOk() const { return m_state.lastOk; }
    QString echoResult() const { return m_state.echoResult; }
    bool echoBusy() const { return m_state.echoBusy; }
    QStringList refused() const
    {
        QStringList out;
        for (const QVariant &v : m_state.refusedObjects) {
            const QVariantMap o = v.toMap();
            out << QStringLiteral("%1: %2").arg(o.value(QStringLiteral("name")).toString(),
                                                o.value(QStringLiteral("reason")).toString());
        }
        return out;
    }
    QVariantList refusedObjects() const { return m_state.refusedObjects; }

    // Builds the object from the archive in the background and queues it for the node. Returns "" when
    // the send was accepted (the outcome follows in lastResult), else the reason it was not.
    Q_INVOKABLE QString send(const QString &kind, const QString &bedKey, double fromMs = 0, double toMs = 0,
                             double triggerMs = 0)
    {
        if (!m_actions.send)
            return tr("No DICOM node is configured on this station");
        return m_actions.send({kind, bedKey, qint64(fromMs), qint64(toMs), qint64(triggerMs)});
    }
    // C-ECHO to the node in the background; the answer follows in echoResult.
    Q_INVOKABLE void echo()
    {
        if (m_actions.echo)
            m_actions.echo();
    }

    // Every waiting object is tried at once instead of at its backoff (in the background). Returns "" when
    // accepted, else why not; the outcome follows in lastResult.
    Q_INVOKABLE QString retryNow()
    {
        if (!m_actions.retryNow)
            return tr("No DICOM node is configured on this station");
        return m_actions.retryNow();
    }
    // Takes an object the node refused out of the queue for good (kept as a record with who and when,
    // audited; needs the "print and export" permission). Returns "" when accepted, else why not.
    Q_INVOKABLE QString discard(const QString &sopInstanceUid)
    {
        if (!m_actions.discard)
            return tr("No DICOM node is configured on this station");
        return m_actions.discard(sopInstanceUid);
    }

signals:
    void changed();

private:
    Actions m_actions;
    State m_state;
};

} // namespace vigil
